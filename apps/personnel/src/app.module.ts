import { type DynamicModule, Module } from '@nestjs/common';
import { CommunityDirectoryModule, communityDirectoryTables } from '@jianfu/community-directory';
import {
  ApprovalInboxModule,
  ApprovalPersistenceModule,
  approvalTables,
  WorkingDayCalendarModule,
} from '@jianfu/approvals';
import { CreatePolicyTables1763700000690, serviceProcessModule, type ServicePlatform } from '@jianfu/platform';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AssessmentCycleEntity } from './assessments/persistence/assessment-cycle.entity.js';
import { AssessmentsPersistenceModule } from './assessments/persistence/assessments-persistence.module.js';
import { CadreReviewCyclesModule } from './cadre-review-cycles/cadre-review-cycles.module.js';
import { CadreReviewsModule } from './cadre-reviews/cadre-reviews.module.js';
import { CareersModule } from './careers/careers.module.js';
import { TrackStepsModule } from './careers/track-steps.module.js';
import { CareerStepEntity } from './careers/persistence/career-step.entity.js';
import { CareersPersistenceModule } from './careers/persistence/careers-persistence.module.js';
import { PromotionRequestEntity } from './careers/persistence/promotion-request.entity.js';
import type { PersonnelConfig } from './config.js';
import { CreateWorkerRecords1763700000600 } from './migrations/1763700000600-CreateWorkerRecords.js';
import { CreateCareerTracks1763700000610 } from './migrations/1763700000610-CreateCareerTracks.js';
import { CreateAssessmentCycles1763700000620 } from './migrations/1763700000620-CreateAssessmentCycles.js';
import { CreatePromotionRequests1763700000630 } from './migrations/1763700000630-CreatePromotionRequests.js';
import { CreateHonoursAndCadreReviews1763700000640 } from './migrations/1763700000640-CreateHonoursAndCadreReviews.js';
import { CreateRecruitment1763700000650 } from './migrations/1763700000650-CreateRecruitment.js';
import { AddCommunityPartyOrganisations1763700000670 } from './migrations/1763700000670-AddCommunityPartyOrganisations.js';
import { AddPolicyVersions1763700000691 } from './migrations/1763700000691-AddPolicyVersions.js';
import { AddCadreReviewCycleProposals1763700000940 } from './migrations/1763700000940-AddCadreReviewCycleProposals.js';
import { CreateCadreReviewCycles1763700000930 } from './migrations/1763700000930-CreateCadreReviewCycles.js';
import { AddOpinionRequestOutcomes1763700000920 } from './migrations/1763700000920-AddOpinionRequestOutcomes.js';
import { HonoursModule } from './honours/honours.module.js';
import { personnelPolicyKinds } from './policies/personnel-policies.js';
import { RecruitmentPersistenceModule } from './recruitment/persistence/recruitment-persistence.module.js';
import { RecruitmentModule } from './recruitment/recruitment.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { WorkerChangeEntity } from './workers/persistence/worker-change.entity.js';
import { WorkerEntity } from './workers/persistence/worker.entity.js';
import { WorkersPersistenceModule } from './workers/persistence/workers-persistence.module.js';
import { WorkersModule } from './workers/workers.module.js';

const entities = [
  ...communityDirectoryTables.entities,
  ...approvalTables.entities,
  WorkerEntity,
  WorkerChangeEntity,
  CareerStepEntity,
  AssessmentCycleEntity,
  PromotionRequestEntity,
];
const migrations = [
  ...communityDirectoryTables.migrations,
  ...approvalTables.migrations,
  CreateWorkerRecords1763700000600,
  CreateCareerTracks1763700000610,
  CreateAssessmentCycles1763700000620,
  CreatePromotionRequests1763700000630,
  CreateHonoursAndCadreReviews1763700000640,
  CreateRecruitment1763700000650,
  AddCommunityPartyOrganisations1763700000670,
  CreatePolicyTables1763700000690,
  AddPolicyVersions1763700000691,
  AddOpinionRequestOutcomes1763700000920,
  CreateCadreReviewCycles1763700000930,
  AddCadreReviewCycleProposals1763700000940,
];

/** The service's entities and migrations, for tools that open its schema without booting it (the SQL snapshots). */
export const personnelPersistence = { entities, migrations };

/** What both processes stand on. */
const personnelPlatform: ServicePlatform<PersonnelConfig> = {
  name: 'personnel',
  entities,
  migrations,
  policyKinds: personnelPolicyKinds,
};

/** The personnel service: Cadre pipelines: recruitment, the two career tracks, graded assessments and awards. */
@Module({})
export class PersonnelModule {
  static forApi(config: PersonnelConfig): DynamicModule {
    return serviceProcessModule(PersonnelModule, 'api', config, personnelPlatform, [
      CommunityDirectoryModule,
      ApprovalInboxModule,
      WorkingDayCalendarModule,
      TrackStepsModule,
      WorkersModule,
      AssessmentsModule,
      CareersModule,
      HonoursModule,
      CadreReviewsModule,
      CadreReviewCyclesModule,
      RecruitmentModule,
      StatisticsModule,
    ]);
  }

  static forWorker(config: PersonnelConfig): DynamicModule {
    return serviceProcessModule(PersonnelModule, 'worker', config, personnelPlatform, [
      ApprovalPersistenceModule,
      WorkersPersistenceModule,
      AssessmentsPersistenceModule,
      CareersPersistenceModule,
      RecruitmentPersistenceModule,
    ]);
  }
}
