import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { CataloguePersistenceModule } from '../catalogue/catalogue.module.js';
import { GatePersistenceModule } from '../gate/gate.module.js';
import { LedgersController } from './api/ledgers.controller.js';
import { RequestLedgerHandler } from './commands/request-ledger/request-ledger.handler.js';
import { LedgerRequestsRepository } from './persistence/ledger-requests.repository.js';
import { GetLedgerRegisterHandler } from './queries/get-ledger-register/get-ledger-register.handler.js';

/** 精简台账: ledgers a community keeps only as a catalogue item allows, refused otherwise. */
@Module({
  imports: [GatePersistenceModule, CataloguePersistenceModule, CommunityDirectoryModule],
  controllers: [LedgersController],
  providers: [LedgerRequestsRepository, RequestLedgerHandler, GetLedgerRegisterHandler],
})
export class LedgersModule {}
