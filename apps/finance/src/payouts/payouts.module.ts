import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { PayoutBatchesController } from './api/payout-batches.controller.js';
import { OpenPayoutBatchWhenPersonnelFinalised } from './events/open-payout-batch-when-personnel-finalised.handler.js';
import { PayoutsPersistenceModule } from './persistence/payouts-persistence.module.js';

@Module({
  imports: [CommunityDirectoryModule, PayoutsPersistenceModule],
  controllers: [PayoutBatchesController],
  providers: [OpenPayoutBatchWhenPersonnelFinalised],
})
export class PayoutsModule {}
