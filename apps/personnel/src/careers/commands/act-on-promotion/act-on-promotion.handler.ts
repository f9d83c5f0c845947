import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, type ApprovalActionResult } from '@jianfu/approvals';
import { promotionWorkflowId } from '@jianfu/contracts/workflows';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { WorkerAccess } from '../../../workers/worker-access.js';
import { PromotionsRepository } from '../../persistence/promotions.repository.js';
import { ActOnPromotionCommand } from './act-on-promotion.command.js';

/**
 * Sends a reviewer's action to the promotion's approval. Scope is checked here (the worker must be within
 * reach); which step the actor may act on (street committee, then district) is the workflow's rule.
 */
@CommandHandler(ActOnPromotionCommand)
export class ActOnPromotionHandler implements ICommandHandler<ActOnPromotionCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly promotions: PromotionsRepository,
    private readonly access: WorkerAccess,
  ) {}

  async execute(command: ActOnPromotionCommand): Promise<ApprovalActionResult> {
    const request = await this.promotions.find(this.transactions.reader, command.requestId);
    if (!request) throw new NotFoundError('promotion-request', command.requestId);
    await this.access.read(this.transactions.reader, command.actor, request.workerId).catch(() => {
      throw new NotFoundError('promotion-request', command.requestId);
    });
    return this.approvalActions.send(
      promotionWorkflowId(request.id),
      {
        kind: command.kind,
        actor: actorFromPrincipal(command.actor),
        ...(command.reason ? { reason: command.reason } : {}),
      },
      command.idempotencyKey,
    );
  }
}
