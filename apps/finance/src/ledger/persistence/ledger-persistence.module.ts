import { Module } from '@nestjs/common';
import { LedgerRepository } from './ledger.repository.js';

/** Shared by the API process (requests, event handlers) and the worker process (saga activities). */
@Module({
  providers: [LedgerRepository],
  exports: [LedgerRepository],
})
export class LedgerPersistenceModule {}
