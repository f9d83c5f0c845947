import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { DemandsController } from './api/demands.controller.js';
import { CountDemandWhenLedgerRequestAccepted } from './events/count-demand-when-ledger-request-accepted.handler.js';
import { CountDemandWhenMeetingSummonsAdmitted } from './events/count-demand-when-meeting-summons-admitted.handler.js';
import { CountDemandWhenSealRequestAccepted } from './events/count-demand-when-seal-request-accepted.handler.js';
import { CommunityDemandsPersistenceModule } from './persistence/community-demands.repository.js';
import { GetCommunityDemandsHandler } from './queries/get-community-demands/get-community-demands.handler.js';
import { GetStreetDemandsHandler } from './queries/get-street-demands/get-street-demands.handler.js';

/**
 * Every demand a department puts on a community (tasks, meetings, ledgers, seals, plaques; admitted and refused)
 * per month, from admission's events, with a street roll-up. Dispatched tasks and refusals are recorded here by
 * the burden's and 双评议's handlers of those events (one handler per event type in a service).
 */
@Module({
  imports: [CommunitiesModule, CommunityDemandsPersistenceModule],
  controllers: [DemandsController],
  providers: [
    CountDemandWhenMeetingSummonsAdmitted,
    CountDemandWhenSealRequestAccepted,
    CountDemandWhenLedgerRequestAccepted,
    GetCommunityDemandsHandler,
    GetStreetDemandsHandler,
  ],
})
export class DemandsModule {}
