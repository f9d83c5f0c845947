import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { CommunityAccess } from './community-access.js';
import { RecordKindWhenPartyOrganisationUpgraded } from './events/record-kind-when-party-organisation-upgraded.handler.js';
import { CommunityPartyOrganisationsRepository } from './persistence/community-party-organisations.repository.js';

@Module({
  imports: [CommunityDirectoryModule],
  providers: [CommunityAccess, CommunityPartyOrganisationsRepository, RecordKindWhenPartyOrganisationUpgraded],
  exports: [CommunityAccess, CommunityPartyOrganisationsRepository],
})
export class CommunitiesModule {}
