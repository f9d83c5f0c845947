import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, type ApprovalActionResult } from '@jianfu/approvals';
import { cadreReviewCycleApprovalWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { CycleAccess } from '../../cycle-access.js';
import { CadreReviewCycleErrors } from '../../domain/cadre-review-cycles.errors.js';
import { ActOnCadreReviewProposalCommand } from './act-on-cadre-review-proposal.command.js';

/** An action on the cycle's current proposal: the district decides (approve, reject, return); the street withdraws. */
@CommandHandler(ActOnCadreReviewProposalCommand)
export class ActOnCadreReviewProposalHandler implements ICommandHandler<ActOnCadreReviewProposalCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly access: CycleAccess,
  ) {}

  async execute(command: ActOnCadreReviewProposalCommand): Promise<ApprovalActionResult> {
    const cycle = await this.access.cycle(this.transactions.reader, command.actor, command.cycleId);
    if (cycle.round === 0) {
      throw DomainError.of(CadreReviewCycleErrors['cadre-review-cycle.no-proposal'], 'Nothing was proposed yet');
    }
    return this.approvalActions.send(
      cadreReviewCycleApprovalWorkflowId(cycle.id, cycle.round),
      {
        kind: command.kind,
        actor: actorFromPrincipal(command.actor),
        ...(command.reason ? { reason: command.reason } : {}),
      },
      command.idempotencyKey,
    );
  }
}
