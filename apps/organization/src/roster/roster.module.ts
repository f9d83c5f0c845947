import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { PartyOrganisationsPersistenceModule } from '../party-organisations/persistence/party-organisations-persistence.module.js';
import { RosterController } from './api/roster.controller.js';
import { AddWorkerWhenWorkerHired } from './events/add-worker-when-worker-hired.handler.js';
import { RecordStepWhenWorkerPromoted } from './events/record-step-when-worker-promoted.handler.js';
import { RosterRepository } from './persistence/roster.repository.js';
import { GetCommunityRosterHandler } from './queries/get-community-roster/get-community-roster.handler.js';

/** Each community's secretary and workers, a read model of personnel's events. */
@Module({
  imports: [CommunitiesModule, PartyOrganisationsPersistenceModule],
  controllers: [RosterController],
  providers: [RosterRepository, AddWorkerWhenWorkerHired, RecordStepWhenWorkerPromoted, GetCommunityRosterHandler],
})
export class RosterModule {}
