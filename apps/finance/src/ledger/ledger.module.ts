import { Module } from '@nestjs/common';
import { LedgerController } from './api/ledger.controller.js';
import { LedgerPersistenceModule } from './persistence/ledger-persistence.module.js';

@Module({
  imports: [LedgerPersistenceModule],
  controllers: [LedgerController],
  exports: [LedgerPersistenceModule],
})
export class LedgerModule {}
