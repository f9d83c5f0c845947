import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, type ApprovalActionResult } from '@jianfu/approvals';
import { taskFundTransferWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, NotFoundError, TransactionRunner } from '@jianfu/platform';
import { TaskFundTransfersRepository } from '../../persistence/task-fund-transfers.repository.js';
import { DecideTaskFundTransferCommand, type TaskFundDecisionRepeated } from './decide-task-fund-transfer.command.js';

/**
 * Sends the finance officer's decision to the transfer's approval step (the shared approval kit's
 * Update). District scope is checked here; the kit refuses an actor without a slot, a reason-less
 * rejection or return, and a step that is not open.
 */
@CommandHandler(DecideTaskFundTransferCommand)
export class DecideTaskFundTransferHandler implements ICommandHandler<DecideTaskFundTransferCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
  ) {}

  async execute(command: DecideTaskFundTransferCommand): Promise<ApprovalActionResult | TaskFundDecisionRepeated> {
    const transfer = await this.transfers.find(this.transactions.reader, command.taskId, command.period);
    if (!transfer || transfer.districtCode !== command.actor.scope.districtCode) {
      throw new NotFoundError('task-fund-transfer', command.taskId);
    }
    if (transfer.state !== 'awaiting-decision' && transfer.state !== 'reserving') {
      const last = transfer.lastDecision;
      // The same officer repeating the decision that moved the transfer on gets its outcome again.
      if (last && last.actorId === command.actor.userId && last.action === command.action) {
        return { duplicate: true, state: transfer.state };
      }
      throw new DomainError('approval.closed', `The transfer of task ${command.taskId} is ${transfer.state}`, 409);
    }
    return this.approvalActions.send(
      taskFundTransferWorkflowId(command.taskId, transfer.period ?? undefined),
      {
        kind: command.action,
        actor: actorFromPrincipal(command.actor),
        ...(command.reason ? { reason: command.reason } : {}),
      },
      command.idempotencyKey,
    );
  }
}
