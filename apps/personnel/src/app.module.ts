import { type DynamicModule, Module } from '@nestjs/common';
import {
  AddCommunityDirectoryStatus1763700000051,
  CommunityDirectoryModule,
  CreateCommunityDirectory1763700000050,
  DirectoryCommunityEntity,
} from '@jianfu/community-directory';
import {
  ApprovalInboxModule,
  CreateWorkingDayCalendar1763700000680,
  AddApprovalInboxViews1763700000800,
  WorkingDayCalendarModule,
  ApprovalPersistenceModule,
  approvalEntities,
  CreateApprovalTables1763700000060,
  AddApprovalSlotScope1763700000061,
} from '@jianfu/approvals';
import { PlatformModule } from '@jianfu/platform';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AssessmentCycleEntity } from './assessments/persistence/assessment-cycle.entity.js';
import { AssessmentsPersistenceModule } from './assessments/persistence/assessments-persistence.module.js';
import { CadreReviewsModule } from './cadre-reviews/cadre-reviews.module.js';
import { CareersModule } from './careers/careers.module.js';
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
import { HonoursModule } from './honours/honours.module.js';
import { RecruitmentPersistenceModule } from './recruitment/persistence/recruitment-persistence.module.js';
import { RecruitmentModule } from './recruitment/recruitment.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { WorkerChangeEntity } from './workers/persistence/worker-change.entity.js';
import { WorkerEntity } from './workers/persistence/worker.entity.js';
import { WorkersPersistenceModule } from './workers/persistence/workers-persistence.module.js';
import { WorkersModule } from './workers/workers.module.js';

const entities = [
  DirectoryCommunityEntity,
  ...approvalEntities,
  WorkerEntity,
  WorkerChangeEntity,
  CareerStepEntity,
  AssessmentCycleEntity,
  PromotionRequestEntity,
];
const migrations = [
  CreateCommunityDirectory1763700000050,
  AddCommunityDirectoryStatus1763700000051,
  CreateApprovalTables1763700000060,
  AddApprovalSlotScope1763700000061,
  CreateWorkerRecords1763700000600,
  CreateCareerTracks1763700000610,
  CreateAssessmentCycles1763700000620,
  CreatePromotionRequests1763700000630,
  CreateHonoursAndCadreReviews1763700000640,
  CreateRecruitment1763700000650,
  AddCommunityPartyOrganisations1763700000670,
  CreateWorkingDayCalendar1763700000680,
  AddApprovalInboxViews1763700000800,
];

/** The personnel service: Cadre pipelines: recruitment, the two career tracks, graded assessments and awards. */
@Module({})
export class PersonnelModule {
  static forApi(config: PersonnelConfig): DynamicModule {
    return {
      module: PersonnelModule,
      imports: [
        PlatformModule.forService({ name: 'personnel', config, process: 'api', entities, migrations }),
        CommunityDirectoryModule,
        ApprovalInboxModule,
        WorkingDayCalendarModule,
        WorkersModule,
        AssessmentsModule,
        CareersModule,
        HonoursModule,
        CadreReviewsModule,
        RecruitmentModule,
        StatisticsModule,
      ],
    };
  }

  static forWorker(config: PersonnelConfig): DynamicModule {
    return {
      module: PersonnelModule,
      imports: [
        PlatformModule.forService({ name: 'personnel', config, process: 'worker', entities, migrations }),
        ApprovalPersistenceModule,
        WorkersPersistenceModule,
        AssessmentsPersistenceModule,
        CareersPersistenceModule,
        RecruitmentPersistenceModule,
      ],
    };
  }
}
