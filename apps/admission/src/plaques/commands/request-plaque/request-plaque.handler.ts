import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { DomainError, ScopeError, TransactionRunner } from '@jianfu/platform';
import { communityOfDistrict } from '../../../gate/domain/community-scope.js';
import { ViolationRecorder } from '../../../gate/violation-recorder.js';
import { isStandardPlaque, plaqueLimit, standardPlaques } from '../../domain/plaque-inventory.js';
import { PlaqueErrors } from '../../domain/plaque.errors.js';
import { PlaqueRequestsRepository } from '../../persistence/plaque-requests.repository.js';
import { RequestPlaqueCommand } from './request-plaque.command.js';

/** 三块牌匾: a community's plaques are the three allowed ones; a department asking for a fourth commits 违规摊派. */
@CommandHandler(RequestPlaqueCommand)
export class RequestPlaqueHandler implements ICommandHandler<RequestPlaqueCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: PlaqueRequestsRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly recorder: ViolationRecorder,
  ) {}

  async execute({ actor, communityId, wording }: RequestPlaqueCommand) {
    const input = { communityId, wording };
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('A plaque is requested by a department user');
    const districtCode = actor.scope.districtCode;
    const outcome = await this.transactions.run(async (tx) => {
      const [community] = await this.directory.findByIds(tx, [input.communityId]);
      communityOfDistrict(community, input.communityId, actor);
      const id = randomUUID();
      const base = { id, districtCode, departmentId, communityId: input.communityId, wording: input.wording };
      if (isStandardPlaque(input.wording)) {
        const requestedAt = await this.requests.insert(tx, {
          ...base,
          status: 'already-hung',
          violationId: null,
          requestedBy: actor.userId,
        });
        return {
          status: 'already-hung' as const,
          answer: {
            requestId: id,
            status: 'already-hung' as const,
            communityId: input.communityId,
            departmentId,
            wording: input.wording,
            requestedAt,
          },
        };
      }
      const message = `Community ${input.communityId} already hangs its ${plaqueLimit} plaques (${standardPlaques.join('、')}); “${input.wording}” would be a fourth`;
      // The same plaque asked again by the same department is the same demand (a retry): one violation.
      const earlier = await this.requests.refusedBefore(tx, { departmentId, ...input });
      if (earlier) return { status: 'refused' as const, message, violationId: earlier };
      const recorded = await this.recorder.record(tx, {
        districtCode,
        departmentId,
        communityId: input.communityId,
        taskId: null,
        code: 'plaque.limit-reached',
        reason: message,
        reportedBy: actor.userId,
        source: 'gate',
        kind: 'plaque',
      });
      await this.requests.insert(tx, {
        ...base,
        status: 'refused',
        violationId: recorded.violationId,
        requestedBy: actor.userId,
      });
      return { status: 'refused' as const, message, violationId: recorded.violationId };
    });
    if (outcome.status === 'refused') {
      throw DomainError.of(
        PlaqueErrors['plaque.limit-reached'],
        `${outcome.message}; recorded as violation ${outcome.violationId}`,
        { violationId: outcome.violationId },
      );
    }
    return outcome.answer;
  }
}
