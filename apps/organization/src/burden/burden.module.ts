import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { BurdenController } from './api/burden.controller.js';
import { CountBurdenWhenTaskDispatched } from './events/count-burden-when-task-dispatched.handler.js';
import { CountDemandWhenLedgerRequestAccepted } from './events/count-demand-when-ledger-request-accepted.handler.js';
import { CountDemandWhenMeetingSummonsAdmitted } from './events/count-demand-when-meeting-summons-admitted.handler.js';
import { CountDemandWhenSealRequestAccepted } from './events/count-demand-when-seal-request-accepted.handler.js';
import { BurdenRepository } from './persistence/burden.repository.js';
import { CommunityDemandsPersistenceModule } from './persistence/community-demands.repository.js';
import {
  CommunityDemandsReportHandler,
  StreetDemandsReportHandler,
} from './queries/community-demands-report/community-demands-report.handler.js';
import { CommunityBurdenReportHandler } from './queries/community-burden-report/community-burden-report.handler.js';

/**
 * 减负: the work admission dispatched to each community, counted per department and year; and every demand on a
 * community (tasks, meetings, ledgers, seals, plaques; admitted and refused) per month, with a street roll-up.
 */
@Module({
  imports: [CommunitiesModule, CommunityDemandsPersistenceModule],
  controllers: [BurdenController],
  providers: [
    BurdenRepository,
    CountBurdenWhenTaskDispatched,
    CommunityBurdenReportHandler,
    CountDemandWhenMeetingSummonsAdmitted,
    CountDemandWhenSealRequestAccepted,
    CountDemandWhenLedgerRequestAccepted,
    CommunityDemandsReportHandler,
    StreetDemandsReportHandler,
  ],
})
export class BurdenModule {}
