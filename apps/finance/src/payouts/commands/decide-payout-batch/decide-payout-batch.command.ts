import { Command } from '@nestjs/cqrs';
import type { ApprovalActionResult } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';
import type { PayoutBatch } from '../../domain/payout-batch.js';

/**
 * Finance approves (pays) or rejects a payout batch. Answers the approval step after the action, or, when the
 * officer repeats the decision that closed the batch, the closed batch.
 */
export class DecidePayoutBatchCommand extends Command<
  { duplicate: true; batch: PayoutBatch } | { duplicate: false; result: ApprovalActionResult }
> {
  constructor(
    readonly batchId: string,
    readonly action: 'approve' | 'reject',
    readonly reason: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
