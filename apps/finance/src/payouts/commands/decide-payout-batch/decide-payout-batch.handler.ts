import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, ApprovalErrors } from '@jianfu/approvals';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { payoutBatchWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { PayoutBatchesRepository } from '../../persistence/payout-batches.repository.js';
import { payoutBatchInScope } from '../../queries/get-payout-batch/payout-batch-in-scope.js';
import { DecidePayoutBatchCommand } from './decide-payout-batch.command.js';

@CommandHandler(DecidePayoutBatchCommand)
export class DecidePayoutBatchHandler implements ICommandHandler<DecidePayoutBatchCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly batches: PayoutBatchesRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ batchId, action, reason, actor, idempotencyKey }: DecidePayoutBatchCommand) {
    const batch = await payoutBatchInScope(this.batches, this.directory, this.transactions.reader, batchId, actor);
    if (batch.state !== 'awaiting-approval') {
      // The officer repeating the decision that closed the batch gets its outcome again; anything else is late.
      const outcome = action === 'approve' ? 'paid' : 'rejected';
      if (batch.decidedBy === actor.userId && batch.state === outcome) return { duplicate: true as const, batch };
      throw DomainError.of(ApprovalErrors['approval.closed'], `Payout batch ${batchId} is ${batch.state}`);
    }
    const result = await this.approvalActions.send(
      payoutBatchWorkflowId(batchId),
      { kind: action, actor: actorFromPrincipal(actor), ...(reason ? { reason } : {}) },
      idempotencyKey,
    );
    return { duplicate: false as const, result };
  }
}
