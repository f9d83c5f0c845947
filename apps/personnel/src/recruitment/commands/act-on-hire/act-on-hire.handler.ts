import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, type ApprovalActionResult, ApprovalErrors } from '@jianfu/approvals';
import { recruitmentWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { PostingAccess } from '../../posting-access.js';
import { ActOnHireCommand } from './act-on-hire.command.js';

/** The organisation department's decision on the ranked hire list, sent to the recruitment workflow. */
@CommandHandler(ActOnHireCommand)
export class ActOnHireHandler implements ICommandHandler<ActOnHireCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly postings: PostingAccess,
  ) {}

  async execute(command: ActOnHireCommand): Promise<ApprovalActionResult> {
    const posting = await this.postings.get(this.transactions.reader, command.actor, command.postingId);
    if (posting.stage !== 'hire-approval') {
      throw DomainError.of(
        ApprovalErrors['approval.step-not-open'],
        `The recruitment is at ${posting.stage}, not hire approval`,
      );
    }
    return this.approvalActions.send(
      recruitmentWorkflowId(posting.id),
      {
        kind: command.kind,
        actor: actorFromPrincipal(command.actor),
        ...(command.reason ? { reason: command.reason } : {}),
      },
      command.idempotencyKey,
    );
  }
}
