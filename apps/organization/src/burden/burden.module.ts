import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { BurdenController } from './api/burden.controller.js';
import { CountBurdenWhenTaskDispatched } from './events/count-burden-when-task-dispatched.handler.js';
import { BurdenRepository } from './persistence/burden.repository.js';
import { CommunityDemandsPersistenceModule } from '../demands/persistence/community-demands.repository.js';
import { CommunityBurdenReportHandler } from './queries/community-burden-report/community-burden-report.handler.js';

/** 减负: the work admission dispatched to each community, counted per department and year. */
@Module({
  imports: [CommunitiesModule, CommunityDemandsPersistenceModule],
  controllers: [BurdenController],
  providers: [BurdenRepository, CountBurdenWhenTaskDispatched, CommunityBurdenReportHandler],
})
export class BurdenModule {}
