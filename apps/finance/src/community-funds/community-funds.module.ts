import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { LedgerPersistenceModule } from '../ledger/persistence/ledger-persistence.module.js';
import { TaskFundsPersistenceModule } from '../task-funds/persistence/task-funds-persistence.module.js';
import { CommunityFundsController } from './api/community-funds.controller.js';
import { AllocatePartyBuildingFundHandler } from './commands/allocate-party-building-fund/allocate-party-building-fund.handler.js';
import { RecordCoBuildingReceiptHandler } from './commands/record-co-building-receipt/record-co-building-receipt.handler.js';
import { RecordSpendingHandler } from './commands/record-spending/record-spending.handler.js';
import { CommunityAccess } from './community-access.js';
import { CoBuildingReceiptsRepository } from './persistence/co-building-receipts.repository.js';
import { CommunityAccountsRepository } from './persistence/community-accounts.repository.js';
import { GetCommunityAccountsHandler } from './queries/get-community-accounts/get-community-accounts.handler.js';

@Module({
  imports: [CommunityDirectoryModule, IdempotencyModule, LedgerPersistenceModule, TaskFundsPersistenceModule],
  controllers: [CommunityFundsController],
  providers: [
    CommunityAccess,
    CoBuildingReceiptsRepository,
    RecordSpendingHandler,
    RecordCoBuildingReceiptHandler,
    AllocatePartyBuildingFundHandler,
    CommunityAccountsRepository,
    GetCommunityAccountsHandler,
  ],
  exports: [CommunityAccess, CoBuildingReceiptsRepository],
})
export class CommunityFundsModule {}
