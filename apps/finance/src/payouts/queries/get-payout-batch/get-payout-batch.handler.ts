import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { TransactionRunner } from '@jianfu/platform';
import type { PayoutBatch } from '../../domain/payout-batch.js';
import { PayoutBatchesRepository } from '../../persistence/payout-batches.repository.js';
import { GetPayoutBatchQuery } from './get-payout-batch.query.js';
import { payoutBatchInScope } from './payout-batch-in-scope.js';

@QueryHandler(GetPayoutBatchQuery)
export class GetPayoutBatchHandler implements IQueryHandler<GetPayoutBatchQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly batches: PayoutBatchesRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  execute({ batchId, actor }: GetPayoutBatchQuery): Promise<PayoutBatch> {
    return payoutBatchInScope(this.batches, this.directory, this.transactions.reader, batchId, actor);
  }
}
