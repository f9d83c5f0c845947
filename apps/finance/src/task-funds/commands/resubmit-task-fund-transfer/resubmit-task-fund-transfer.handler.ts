import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, type ApprovalActionResult } from '@jianfu/approvals';
import { taskFundTransferWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, NotFoundError, TransactionRunner } from '@jianfu/platform';
import { TaskFundTransfersRepository } from '../../persistence/task-fund-transfers.repository.js';
import { ResubmitTaskFundTransferCommand } from './resubmit-task-fund-transfer.command.js';

/** The owning department confirms a transfer finance returned, sending it back for decision. */
@CommandHandler(ResubmitTaskFundTransferCommand)
export class ResubmitTaskFundTransferHandler implements ICommandHandler<ResubmitTaskFundTransferCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
  ) {}

  async execute(command: ResubmitTaskFundTransferCommand): Promise<ApprovalActionResult> {
    const transfer = await this.transfers.find(this.transactions.reader, command.taskId, command.period);
    if (
      !transfer ||
      transfer.districtCode !== command.actor.scope.districtCode ||
      transfer.departmentId !== command.actor.scope.departmentId
    ) {
      throw new NotFoundError('task-fund-transfer', command.taskId);
    }
    if (transfer.state !== 'returned') {
      throw new DomainError('approval.closed', `The transfer of task ${command.taskId} is ${transfer.state}`, 409);
    }
    return this.approvalActions.send(taskFundTransferWorkflowId(command.taskId, transfer.period ?? undefined), {
      kind: 'approve',
      actor: actorFromPrincipal(command.actor),
      ...(command.note ? { comment: command.note } : {}),
    });
  }
}
