import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { CataloguePersistenceModule } from '../catalogue/catalogue.module.js';
import { GatePersistenceModule } from '../gate/gate.module.js';
import { LedgersController } from './api/ledgers.controller.js';
import { LedgersService } from './ledgers.service.js';
import { LedgerRequestsRepository } from './persistence/ledger-requests.repository.js';

/** 精简台账: ledgers a community keeps only as a catalogue item allows, refused otherwise. */
@Module({
  imports: [GatePersistenceModule, CataloguePersistenceModule, CommunityDirectoryModule],
  controllers: [LedgersController],
  providers: [LedgerRequestsRepository, LedgersService],
})
export class LedgersModule {}
