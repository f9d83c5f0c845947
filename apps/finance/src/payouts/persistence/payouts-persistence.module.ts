import { Module } from '@nestjs/common';
import { PayoutBatchesRepository } from './payout-batches.repository.js';

@Module({
  providers: [PayoutBatchesRepository],
  exports: [PayoutBatchesRepository],
})
export class PayoutsPersistenceModule {}
