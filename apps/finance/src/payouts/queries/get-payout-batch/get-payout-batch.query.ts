import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PayoutBatch } from '../../domain/payout-batch.js';

/** One payout batch: its lines, total and status. */
export class GetPayoutBatchQuery extends Query<PayoutBatch> {
  constructor(
    readonly batchId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
