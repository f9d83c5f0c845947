import { Global, Module } from '@nestjs/common';
import { CommunityPartyOrganisations } from '../communities/domain/community-party-organisations.js';
import { PartyOrganisationsPersistenceModule } from './persistence/party-organisations-persistence.module.js';
import { PartyOrganisationsRepository } from './persistence/party-organisations.repository.js';

/** Provides communities' `CommunityPartyOrganisations` port from the party-organisation records, process-wide. */
@Global()
@Module({
  imports: [PartyOrganisationsPersistenceModule],
  providers: [{ provide: CommunityPartyOrganisations, useExisting: PartyOrganisationsRepository }],
  exports: [CommunityPartyOrganisations],
})
export class CommunityPartyOrganisationsModule {}
