import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { PayoutBatchesController } from './api/payout-batches.controller.js';
import { DecidePayoutBatchHandler } from './commands/decide-payout-batch/decide-payout-batch.handler.js';
import { OpenPayoutBatchWhenPersonnelFinalised } from './events/open-payout-batch-when-personnel-finalised.handler.js';
import { PayoutsPersistenceModule } from './persistence/payouts-persistence.module.js';
import { GetPayoutBatchHandler } from './queries/get-payout-batch/get-payout-batch.handler.js';
import { ListPayoutBatchesHandler } from './queries/list-payout-batches/list-payout-batches.handler.js';

@Module({
  imports: [ApprovalActionsModule, CommunityDirectoryModule, PayoutsPersistenceModule],
  controllers: [PayoutBatchesController],
  providers: [
    OpenPayoutBatchWhenPersonnelFinalised,
    ListPayoutBatchesHandler,
    GetPayoutBatchHandler,
    DecidePayoutBatchHandler,
  ],
})
export class PayoutsModule {}
