import { Module } from '@nestjs/common';
import { AccountPlacesRepository } from './account-places.repository.js';
import { LedgerRepository } from './ledger.repository.js';

/** Shared by the API process (requests, event handlers) and the worker process (saga activities). */
@Module({
  providers: [LedgerRepository, AccountPlacesRepository],
  exports: [LedgerRepository, AccountPlacesRepository],
})
export class LedgerPersistenceModule {}
