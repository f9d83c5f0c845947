import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { PayoutBatch, PayoutBatchState } from '../../domain/payout-batch.js';

/** Payout batches of the caller's district (and narrowed scope), optionally by status. */
export class ListPayoutBatchesQuery extends Query<Page<PayoutBatch>> {
  constructor(
    readonly actor: Principal,
    readonly state: PayoutBatchState | undefined,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
