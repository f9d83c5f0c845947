import { Module } from '@nestjs/common';
import { PartyOrganisationsRepository } from './party-organisations.repository.js';

/** Shared by the API process (requests) and the worker process (activities). */
@Module({
  providers: [PartyOrganisationsRepository],
  exports: [PartyOrganisationsRepository],
})
export class PartyOrganisationsPersistenceModule {}
