import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SealRequestAccepted } from '@jianfu/contracts';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { DomainError, EventPublisher, ScopeError, TransactionRunner } from '@jianfu/platform';
import { communityOfDistrict } from '../../../gate/domain/community-scope.js';
import { ViolationRecorder } from '../../../gate/violation-recorder.js';
import { SealErrors } from '../../domain/seal.errors.js';
import { SealMattersRepository } from '../../persistence/seal-matters.repository.js';
import { SealRequestsRepository } from '../../persistence/seal-requests.repository.js';
import { RequestSealCommand } from './request-seal.command.js';

/**
 * 严格社区印章管理使用 (seed 002): a community stamps only the matters on its district's current 盖章证明事项清单.
 * A department asking for anything else is refused with the reason code, and the attempt counts against it
 * (违规摊派), as at the task gate.
 */
@CommandHandler(RequestSealCommand)
export class RequestSealHandler implements ICommandHandler<RequestSealCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly matters: SealMattersRepository,
    private readonly requests: SealRequestsRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly recorder: ViolationRecorder,
    private readonly events: EventPublisher,
  ) {}

  async execute({ actor, input }: RequestSealCommand) {
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('A seal is requested by a department user');
    const districtCode = actor.scope.districtCode;
    const outcome = await this.transactions.run(async (tx) => {
      const [community] = await this.directory.findByIds(tx, [input.communityId]);
      communityOfDistrict(community, input.communityId, actor);
      const listVersion = await this.matters.currentVersion(tx, districtCode);
      const matter = listVersion
        ? await this.matters.findMatter(tx, districtCode, listVersion, input.matterCode)
        : null;
      const id = randomUUID();
      if (!matter) {
        // The same document asked again is the same demand (a retry): one refusal, one violation.
        const earlier = await this.requests.refusedBefore(tx, { departmentId, ...input });
        const message = listVersion
          ? `Matter ${input.matterCode} is not on seal-matter list version ${listVersion} of district ${districtCode}`
          : `District ${districtCode} has published no seal-matter list, so no matter may be certified`;
        if (earlier) return { refused: true as const, message, violationId: earlier };
        const recorded = await this.recorder.record(tx, {
          districtCode,
          departmentId,
          communityId: input.communityId,
          taskId: null,
          code: 'seal.matter-not-listed',
          reason: `${message}（为${input.requestedFor}盖章）`,
          reportedBy: actor.userId,
          source: 'gate',
          kind: 'seal',
        });
        await this.requests.insert(tx, {
          id,
          districtCode,
          departmentId,
          communityId: input.communityId,
          matterCode: input.matterCode,
          requestedFor: input.requestedFor,
          documentSha256: input.documentSha256,
          listVersion,
          status: 'refused',
          violationId: recorded.violationId,
          requestedBy: actor.userId,
        });
        return { refused: true as const, message, violationId: recorded.violationId };
      }
      const requestedAt = await this.requests.insert(tx, {
        id,
        districtCode,
        departmentId,
        communityId: input.communityId,
        matterCode: matter.code,
        requestedFor: input.requestedFor,
        documentSha256: input.documentSha256,
        listVersion,
        status: 'accepted',
        violationId: null,
        requestedBy: actor.userId,
      });
      await this.events.publish(tx, SealRequestAccepted, {
        aggregateId: input.communityId,
        payload: {
          requestId: id,
          districtCode,
          departmentId,
          communityId: input.communityId,
          matterCode: matter.code,
          listVersion: listVersion!,
          requestedFor: input.requestedFor,
          documentSha256: input.documentSha256,
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
          matterCode: matter.code,
          matterName: matter.name,
          basis: matter.basis,
          listVersion: listVersion!,
          requestedAt,
        },
      };
    });
    if (outcome.refused) {
      throw DomainError.of(
        SealErrors['seal.matter-not-listed'],
        `${outcome.message}; recorded as violation ${outcome.violationId}`,
        { violationId: outcome.violationId },
      );
    }
    return outcome.answer;
  }
}
