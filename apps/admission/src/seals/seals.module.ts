import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { GatePersistenceModule } from '../gate/gate.module.js';
import { SealsController } from './api/seals.controller.js';
import { PublishSealMattersHandler } from './commands/publish-seal-matters/publish-seal-matters.handler.js';
import { RequestSealHandler } from './commands/request-seal/request-seal.handler.js';
import { SealMattersRepository } from './persistence/seal-matters.repository.js';
import { SealRequestsRepository } from './persistence/seal-requests.repository.js';
import { GetSealMatterVersionHandler } from './queries/get-seal-matter-version/get-seal-matter-version.handler.js';

/** 严格社区印章管理使用: the list of matters a community may certify, and the seal requests checked against it. */
@Module({
  imports: [GatePersistenceModule, CommunityDirectoryModule],
  controllers: [SealsController],
  providers: [
    SealMattersRepository,
    SealRequestsRepository,
    PublishSealMattersHandler,
    GetSealMatterVersionHandler,
    RequestSealHandler,
  ],
})
export class SealsModule {}
