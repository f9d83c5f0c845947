import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { GatePersistenceModule } from '../gate/gate.module.js';
import { SealsController } from './api/seals.controller.js';
import { SealMattersRepository } from './persistence/seal-matters.repository.js';
import { SealRequestsRepository } from './persistence/seal-requests.repository.js';
import { SealRequestsService } from './seal-requests.service.js';

/** 严格社区印章管理使用: the list of matters a community may certify, and the seal requests checked against it. */
@Module({
  imports: [GatePersistenceModule, CommunityDirectoryModule],
  controllers: [SealsController],
  providers: [SealMattersRepository, SealRequestsRepository, SealRequestsService],
})
export class SealsModule {}
