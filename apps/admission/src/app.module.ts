import { type DynamicModule, Module } from '@nestjs/common';
import { ApprovalInboxModule, approvalTables, WorkingDayCalendarModule } from '@jianfu/approvals';
import { CommunityDirectoryModule, communityDirectoryTables } from '@jianfu/community-directory';
import { CreatePolicyTables1763700000690, serviceProcessModule, type ServicePlatform } from '@jianfu/platform';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { admissionPolicyKinds } from './policies/admission-policies.js';
import { CatalogueModule, CataloguePersistenceModule } from './catalogue/catalogue.module.js';
import type { AdmissionConfig } from './config.js';
import { DepartmentsModule } from './departments/departments.module.js';
import { GateModule, GatePersistenceModule } from './gate/gate.module.js';
import { CreateAdmissionTables1763700000200 } from './migrations/1763700000200-CreateAdmissionTables.js';
import { AddSubmissionReviewStartedAt1763700000210 } from './migrations/1763700000210-AddSubmissionReviewStartedAt.js';
import { AddBudgetYearsAndUnfundedTasks1763700000260 } from './migrations/1763700000260-AddBudgetYearsAndUnfundedTasks.js';
import { FundRecurringTasksPerPeriod1763700000270 } from './migrations/1763700000270-FundRecurringTasksPerPeriod.js';
import { CreateSubmissionAttachments1763700000810 } from './migrations/1763700000810-CreateSubmissionAttachments.js';
import { AddSealsPlaquesAndDemandKinds1763700000910 } from './migrations/1763700000910-AddSealsPlaquesAndDemandKinds.js';
import { CreateMeetingSummons1763700000920 } from './migrations/1763700000920-CreateMeetingSummons.js';
import { MeetingsModule, MeetingsPersistenceModule } from './meetings/meetings.module.js';
import { CreatePowerItemRegister1763700000930 } from './migrations/1763700000930-CreatePowerItemRegister.js';
import { CreateCatalogueBaseline1763700000940 } from './migrations/1763700000940-CreateCatalogueBaseline.js';
import { CreateLedgerRequests1763700000950 } from './migrations/1763700000950-CreateLedgerRequests.js';
import { CreateVersionProposals1763700000970 } from './migrations/1763700000970-CreateVersionProposals.js';
import { AnnounceSubmissionChanges1763700000980 } from './migrations/1763700000980-AnnounceSubmissionChanges.js';
import { AnnounceChangesByKeyColumn1763700000990 } from './migrations/1763700000990-AnnounceChangesByKeyColumn.js';
import { LedgersModule } from './ledgers/ledgers.module.js';
import { PlaquesModule } from './plaques/plaques.module.js';
import { PowerItemsModule, PowerItemsPersistenceModule } from './power-items/power-items.module.js';
import { SealsModule } from './seals/seals.module.js';
import { DepartmentBudgetsModule, DepartmentBudgetsPersistenceModule } from './budgets/department-budgets.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SubmissionsModule, SubmissionsPersistenceModule } from './submissions/submissions.module.js';

const entities = [...communityDirectoryTables.entities, ...approvalTables.entities];
const migrations = [
  ...communityDirectoryTables.migrations,
  ...approvalTables.migrations,
  CreateAdmissionTables1763700000200,
  AddSubmissionReviewStartedAt1763700000210,
  AddBudgetYearsAndUnfundedTasks1763700000260,
  FundRecurringTasksPerPeriod1763700000270,
  CreatePolicyTables1763700000690,
  CreateSubmissionAttachments1763700000810,
  AddSealsPlaquesAndDemandKinds1763700000910,
  CreateMeetingSummons1763700000920,
  CreatePowerItemRegister1763700000930,
  CreateCatalogueBaseline1763700000940,
  CreateLedgerRequests1763700000950,
  CreateVersionProposals1763700000970,
  AnnounceSubmissionChanges1763700000980,
  AnnounceChangesByKeyColumn1763700000990,
];

/** What both processes stand on. */
const admissionPlatform: ServicePlatform<AdmissionConfig> = {
  name: 'admission',
  entities,
  migrations,
  policyKinds: admissionPolicyKinds,
};

/** The admission service: 工作准入制: the admission catalogue, submissions, review and the gate. */
@Module({})
export class AdmissionModule {
  static forApi(config: AdmissionConfig): DynamicModule {
    return serviceProcessModule(AdmissionModule, 'api', config, admissionPlatform, [
      CommunityDirectoryModule,
      DepartmentsModule,
      DepartmentBudgetsModule,
      ApprovalInboxModule,
      WorkingDayCalendarModule,
      CatalogueModule,
      SubmissionsModule,
      AttachmentsModule,
      GateModule,
      SealsModule,
      PlaquesModule,
      MeetingsModule,
      PowerItemsModule,
      LedgersModule,
      ReportsModule,
    ]);
  }

  static forWorker(config: AdmissionConfig): DynamicModule {
    return serviceProcessModule(AdmissionModule, 'worker', config, admissionPlatform, [
      SubmissionsPersistenceModule,
      CataloguePersistenceModule,
      GatePersistenceModule,
      DepartmentBudgetsPersistenceModule,
      MeetingsPersistenceModule,
      PowerItemsPersistenceModule,
    ]);
  }
}
