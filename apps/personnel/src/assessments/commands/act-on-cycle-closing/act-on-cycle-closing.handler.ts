import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, type ApprovalActionResult, ApprovalErrors } from '@jianfu/approvals';
import { assessmentCycleClosingWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { CycleAccess } from '../../cycle-access.js';
import { ActOnCycleClosingCommand } from './act-on-cycle-closing.command.js';

/** Sends an approver's action on a cycle's closing to its approval workflow, after the scope check. */
@CommandHandler(ActOnCycleClosingCommand)
export class ActOnCycleClosingHandler implements ICommandHandler<ActOnCycleClosingCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly cycles: CycleAccess,
  ) {}

  async execute(command: ActOnCycleClosingCommand): Promise<ApprovalActionResult> {
    const cycle = await this.cycles.read(this.transactions.reader, command.actor, command.cycleId);
    if (cycle.closingAttempt === 0) {
      throw DomainError.of(ApprovalErrors['approval.closed'], 'Closing this cycle has not been requested');
    }
    return this.approvalActions.send(
      assessmentCycleClosingWorkflowId(cycle.id, cycle.closingAttempt),
      {
        kind: command.kind,
        actor: actorFromPrincipal(command.actor),
        ...(command.reason ? { reason: command.reason } : {}),
      },
      command.idempotencyKey,
    );
  }
}
