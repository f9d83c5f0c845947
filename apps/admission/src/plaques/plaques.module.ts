import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { GatePersistenceModule } from '../gate/gate.module.js';
import { PlaquesController } from './api/plaques.controller.js';
import { RequestPlaqueHandler } from './commands/request-plaque/request-plaque.handler.js';
import { PlaqueRequestsRepository } from './persistence/plaque-requests.repository.js';
import { GetPlaqueInventoryHandler } from './queries/get-plaque-inventory/get-plaque-inventory.handler.js';

/** 三块牌匾: each community's plaque inventory, and plaque requests refused beyond it. */
@Module({
  imports: [GatePersistenceModule, CommunityDirectoryModule],
  controllers: [PlaquesController],
  providers: [PlaqueRequestsRepository, RequestPlaqueHandler, GetPlaqueInventoryHandler],
})
export class PlaquesModule {}
