import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { GatePersistenceModule } from '../gate/gate.module.js';
import { PlaquesController } from './api/plaques.controller.js';
import { PlaqueRequestsRepository } from './persistence/plaque-requests.repository.js';
import { PlaquesService } from './plaques.service.js';

/** 三块牌匾: each community's plaque inventory, and plaque requests refused beyond it. */
@Module({
  imports: [GatePersistenceModule, CommunityDirectoryModule],
  controllers: [PlaquesController],
  providers: [PlaqueRequestsRepository, PlaquesService],
})
export class PlaquesModule {}
