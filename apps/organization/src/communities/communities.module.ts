import { Module } from '@nestjs/common';
import { CommunitiesController } from './api/communities.controller.js';
import { CreateCommunityHandler } from './commands/create-community/create-community.handler.js';
import { CreateStreetHandler } from './commands/create-street/create-street.handler.js';
import { OrganisationUnitsRepository } from './persistence/organisation-units.repository.js';
import { GetCommunityHandler } from './queries/get-community/get-community.handler.js';
import { PartyOrganisationsPersistenceModule } from '../party-organisations/persistence/party-organisations-persistence.module.js';

@Module({
  imports: [PartyOrganisationsPersistenceModule],
  controllers: [CommunitiesController],
  providers: [OrganisationUnitsRepository, CreateStreetHandler, CreateCommunityHandler, GetCommunityHandler],
  exports: [OrganisationUnitsRepository],
})
export class CommunitiesModule {}
