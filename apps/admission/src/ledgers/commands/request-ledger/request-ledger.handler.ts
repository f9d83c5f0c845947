import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { LedgerRequestAccepted } from '@jianfu/contracts';
import { DomainError, EventPublisher, ScopeError, TransactionRunner } from '@jianfu/platform';
import { CatalogueRepository } from '../../../catalogue/persistence/catalogue.repository.js';
import { communityOfDistrict } from '../../../gate/domain/community-scope.js';
import { ViolationRecorder } from '../../../gate/violation-recorder.js';
import { LedgerErrors } from '../../domain/ledger.errors.js';
import { LedgerRequestsRepository } from '../../persistence/ledger-requests.repository.js';
import { RequestLedgerCommand } from './request-ledger.command.js';

/**
 * 精简台账 (seed 002: 资料台账大幅度减少): a community keeps a ledger only when an item of the current admission
 * catalogue allows it; any other ledger demand is refused and counts against the department (违规摊派), once per
 * identical demand.
 */
@CommandHandler(RequestLedgerCommand)
export class RequestLedgerHandler implements ICommandHandler<RequestLedgerCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: LedgerRequestsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly recorder: ViolationRecorder,
    private readonly events: EventPublisher,
  ) {}

  async execute({ actor, input }: RequestLedgerCommand) {
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('A ledger is requested by a department user');
    const districtCode = actor.scope.districtCode;
    const outcome = await this.transactions.run(async (tx) => {
      const [community] = await this.directory.findByIds(tx, [input.communityId]);
      communityOfDistrict(community, input.communityId, actor);
      const version = await this.catalogue.currentVersion(tx, districtCode);
      const item =
        version === null ? null : await this.catalogue.item(tx, districtCode, version, input.catalogueItemCode);
      const id = randomUUID();
      const base = { id, districtCode, departmentId, ...input, catalogueVersion: version, requestedBy: actor.userId };
      if (item && item.allowedLedgers.includes(input.name)) {
        const requestedAt = await this.requests.insert(tx, { ...base, status: 'accepted', violationId: null });
        // Organization counts the community's ledgers per month from this event (the demands read model).
        await this.events.publish(tx, LedgerRequestAccepted, {
          aggregateId: input.communityId,
          payload: {
            requestId: id,
            districtCode,
            departmentId,
            communityId: input.communityId,
            name: input.name,
            frequency: input.frequency,
            catalogueItemCode: item.code,
            catalogueVersion: version!,
            requestedAt: requestedAt.toISOString(),
          },
        });
        return {
          refused: false as const,
          answer: {
            requestId: id,
            status: 'accepted' as const,
            communityId: input.communityId,
            departmentId,
            name: input.name,
            frequency: input.frequency,
            catalogueItemCode: item.code,
            catalogueVersion: version!,
            requestedAt,
          },
        };
      }
      const message = item
        ? `Catalogue item ${item.code} (version ${version}) allows the ledgers ${item.allowedLedgers.join('、') || '(none)'}, not “${input.name}”`
        : `Catalogue item ${input.catalogueItemCode} is not in the current catalogue of district ${districtCode}`;
      const earlier = await this.requests.refusedBefore(tx, { departmentId, ...input });
      if (earlier) return { refused: true as const, message, violationId: earlier };
      const recorded = await this.recorder.record(tx, {
        districtCode,
        departmentId,
        communityId: input.communityId,
        taskId: null,
        code: 'ledger.not-allowed',
        reason: message,
        reportedBy: actor.userId,
        source: 'gate',
        kind: 'ledger',
      });
      await this.requests.insert(tx, { ...base, status: 'refused', violationId: recorded.violationId });
      return { refused: true as const, message, violationId: recorded.violationId };
    });
    if (outcome.refused) {
      throw DomainError.of(
        LedgerErrors['ledger.not-allowed'],
        `${outcome.message}; recorded as violation ${outcome.violationId}`,
        { violationId: outcome.violationId },
      );
    }
    return outcome.answer;
  }
}
