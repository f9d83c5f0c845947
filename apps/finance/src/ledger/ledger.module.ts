import { Module } from '@nestjs/common';
import { LedgerController } from './api/ledger.controller.js';
import { LedgerPersistenceModule } from './persistence/ledger-persistence.module.js';
import { GetAccountStatementHandler } from './queries/get-account-statement/get-account-statement.handler.js';
import { GetTransferHandler } from './queries/get-transfer/get-transfer.handler.js';

@Module({
  imports: [LedgerPersistenceModule],
  controllers: [LedgerController],
  providers: [GetTransferHandler, GetAccountStatementHandler],
  exports: [LedgerPersistenceModule],
})
export class LedgerModule {}
