import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  currentWorkflowRevision,
  type PromotionInput,
  promotionWorkflowId,
  promotionWorkflowType,
} from '@jianfu/contracts/workflows';
import { DomainError, NotFoundError, RequestContext, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { PersonnelConfig } from '../../../config.js';
import { WorkerAccess } from '../../../workers/worker-access.js';
import { CareerEligibility, today } from '../../career-eligibility.js';
import { describeUnmet } from '../../domain/eligibility.js';
import { PromotionsRepository } from '../../persistence/promotions.repository.js';
import { RequestPromotionCommand } from './request-promotion.command.js';
import { CareerErrors } from '../../domain/careers.errors.js';

/**
 * Opens a promotion to the next step of a track when the worker meets every rule of the district; an
 * ineligible worker is refused with each unmet rule listed. Then the two-level approval starts.
 */
@CommandHandler(RequestPromotionCommand)
export class RequestPromotionHandler implements ICommandHandler<RequestPromotionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly eligibility: CareerEligibility,
    private readonly promotions: PromotionsRepository,
    private readonly workflows: WorkflowStarts,
    private readonly config: PersonnelConfig,
  ) {}

  async execute(command: RequestPromotionCommand): Promise<{ requestId: string; workflowId: string; toStep: string }> {
    const requestId = randomUUID();
    const workflowId = promotionWorkflowId(requestId);
    // The request and its approval's start are one write: a pending promotion always has its workflow.
    const input = await this.transactions.run(async (tx): Promise<PromotionInput> => {
      const worker = await this.access.forUpdate(tx, command.actor, command.workerId);
      const standing = await this.eligibility.standing(tx, worker, command.trackCode, today(), true);
      if (!standing) throw new NotFoundError('career-track', command.trackCode);
      if (!standing.eligible || !standing.next) {
        // `unmet` is a problem extension member: clients read the rules, not the prose.
        throw DomainError.of(
          CareerErrors['promotion.ineligible'],
          `${worker.name}暂不符合${command.trackCode}序列晋升条件：${describeUnmet(standing.unmet)}`,
          { unmet: standing.unmet },
        );
      }
      const opened = await this.promotions.insert(tx, {
        id: requestId,
        workerId: worker.id,
        trackCode: command.trackCode,
        fromStep: standing.current.code,
        toStep: standing.next.code,
        reason: command.reason,
        requestedBy: command.actor.userId,
      });
      if (!opened) {
        throw DomainError.of(
          CareerErrors['promotion.pending'],
          `${worker.name} already has a promotion on this track under review`,
        );
      }
      const input: PromotionInput = {
        workflowRevision: currentWorkflowRevision,
        requestId,
        workerId: worker.id,
        workerName: worker.name,
        trackCode: command.trackCode,
        fromStep: standing.current.code,
        toStep: standing.next.code,
        districtCode: worker.districtCode,
        streetCode: worker.streetCode,
        requestedBy: command.actor.userId,
        deadlineWorkingDays: this.config.APPROVAL_DEADLINE_WORKING_DAYS,
        correlationId: RequestContext.current()?.correlationId ?? requestId,
      };
      await this.workflows.request(tx, { workflowType: promotionWorkflowType, workflowId, args: [input] });
      return input;
    });
    await this.workflows.startRequested(workflowId);
    return { requestId, workflowId, toStep: input.toStep };
  }
}
