import { type DynamicModule, Module } from '@nestjs/common';
import { approvalEntities, ApprovalInboxModule, approvalMigrations, WorkingDayCalendarModule } from '@jianfu/approvals';
import { CreatePolicyTables1763700000690, serviceProcessModule, type ServicePlatform } from '@jianfu/platform';
import { organizationPolicyKinds } from './policies/organization-policies.js';
import { BurdenModule } from './burden/burden.module.js';
import { DemandsModule } from './demands/demands.module.js';
import { CoBuildingModule } from './co-building/co-building.module.js';
import { CommunitiesModule } from './communities/communities.module.js';
import { CommunityEntity } from './communities/persistence/community.entity.js';
import { StreetEntity } from './communities/persistence/street.entity.js';
import type { OrganizationConfig } from './config.js';
import { DepartmentsModule } from './departments/departments.module.js';
import { EvaluationModule } from './evaluation/evaluation.module.js';
import { FacilitiesModule } from './facilities/facilities.module.js';
import { CreateHierarchyAndPartyOrganisations1763700000100 } from './migrations/1763700000100-CreateHierarchyAndPartyOrganisations.js';
import { AddDepartmentsUnitsAndEvaluation1763700000200 } from './migrations/1763700000200-AddDepartmentsUnitsAndEvaluation.js';
import { AddBurdenAndRoster1763700000310 } from './migrations/1763700000310-AddBurdenAndRoster.js';
import { AddLinkedMembersAndOpinionRequests1763700000910 } from './migrations/1763700000910-AddLinkedMembersAndOpinionRequests.js';
import { AddDepartmentAnnualAssessments1763700000960 } from './migrations/1763700000960-AddDepartmentAnnualAssessments.js';
import { AddCommunityDemands1763700000980 } from './migrations/1763700000980-AddCommunityDemands.js';
import { OpinionsModule } from './opinions/opinions.module.js';
import { OpinionsPersistenceModule } from './opinions/persistence/opinions-persistence.module.js';
import { CommunityPartyOrganisationsModule } from './party-organisations/community-party-organisations.module.js';
import { PartyOrganisationsModule } from './party-organisations/party-organisations.module.js';
import { PartyOrganisationEntity } from './party-organisations/persistence/party-organisation.entity.js';
import { PartyOrganisationsPersistenceModule } from './party-organisations/persistence/party-organisations-persistence.module.js';
import { UpgradeRequestEntity } from './party-organisations/persistence/upgrade-request.entity.js';
import { RosterModule } from './roster/roster.module.js';

const entities = [StreetEntity, CommunityEntity, PartyOrganisationEntity, UpgradeRequestEntity, ...approvalEntities];
const migrations = [
  CreateHierarchyAndPartyOrganisations1763700000100,
  AddDepartmentsUnitsAndEvaluation1763700000200,
  AddBurdenAndRoster1763700000310,
  CreatePolicyTables1763700000690,
  // The approval kit's tables, for the upgrade approval (党组织升格) on the kit: older timestamps, run after ours.
  ...approvalMigrations,
  // 进社区双公示 and 征求意见: after the kit's tables, whose inbox its publicity window uses.
  AddLinkedMembersAndOpinionRequests1763700000910,
  AddDepartmentAnnualAssessments1763700000960,
  AddCommunityDemands1763700000980,
];

/** The service's entities and migrations, for tools that open its schema without booting it (the SQL snapshots). */
export const organizationPersistence = { entities, migrations };

/** What both processes stand on. */
const organizationPlatform: ServicePlatform<OrganizationConfig> = {
  name: 'organization',
  entities,
  migrations,
  policyKinds: organizationPolicyKinds,
};

/** The organization service: the district's hierarchy, party organisations, departments and units. */
@Module({})
export class OrganizationModule {
  static forApi(config: OrganizationConfig): DynamicModule {
    return serviceProcessModule(OrganizationModule, 'api', config, organizationPlatform, [
      CommunityPartyOrganisationsModule,
      CommunitiesModule,
      DepartmentsModule,
      PartyOrganisationsModule,
      ApprovalInboxModule,
      WorkingDayCalendarModule,
      CoBuildingModule,
      FacilitiesModule,
      EvaluationModule,
      BurdenModule,
      DemandsModule,
      RosterModule,
      OpinionsModule,
    ]);
  }

  static forWorker(config: OrganizationConfig): DynamicModule {
    return serviceProcessModule(OrganizationModule, 'worker', config, organizationPlatform, [
      PartyOrganisationsPersistenceModule,
      OpinionsPersistenceModule,
    ]);
  }
}
