import { approvalProjectionActivitiesIn } from '@jianfu/approvals';
import { nestBackedWorkerFactory, PolicyBook, type WorkerActivityDependencies } from '@jianfu/platform';
import { PersonnelModule } from './app.module.js';
import { bonusTablesFrom } from './assessments/domain/bonus-table.js';
import { AssessmentsRepository } from './assessments/persistence/assessments.repository.js';
import { createAssessmentCycleClosingActivities } from './assessments/workflows/assessment-cycle-closing.activities.js';
import { CareerEligibility } from './careers/career-eligibility.js';
import { CareersRepository } from './careers/persistence/careers.repository.js';
import { PromotionsRepository } from './careers/persistence/promotions.repository.js';
import { CadreReviewCyclesRepository } from './cadre-review-cycles/persistence/cadre-review-cycles.repository.js';
import { createCadreReviewCycleActivities } from './cadre-review-cycles/workflows/cadre-review-cycle-approval.activities.js';
import { CadreReviewsRepository } from './cadre-reviews/persistence/cadre-reviews.repository.js';
import { createPromotionActivities } from './careers/workflows/promotion.activities.js';
import type { PersonnelConfig } from './config.js';
import { RecruitmentRepository } from './recruitment/persistence/recruitment.repository.js';
import { createRecruitmentActivities } from './recruitment/workflows/recruitment.activities.js';
import { WorkersRepository } from './workers/persistence/workers.repository.js';

/** Every activity of the personnel worker: cycle closing, promotions, recruitment and the collected cadre review, with their approvals. */
function personnelActivities({ context, config, transactions, events }: WorkerActivityDependencies<PersonnelConfig>) {
  return {
    ...approvalProjectionActivitiesIn(context, 'personnel'),
    ...createAssessmentCycleClosingActivities({
      transactions,
      events,
      assessments: context.get(AssessmentsRepository),
      policies: context.get(PolicyBook),
      deploymentBonuses: bonusTablesFrom(config),
    }),
    ...createPromotionActivities({
      transactions,
      events,
      promotions: context.get(PromotionsRepository),
      workers: context.get(WorkersRepository),
      careers: context.get(CareersRepository),
      eligibility: context.get(CareerEligibility),
    }),
    // Repositories without state: the worker needs no Nest module for them.
    ...createCadreReviewCycleActivities({
      transactions,
      cycles: new CadreReviewCyclesRepository(),
      reviews: new CadreReviewsRepository(),
    }),
    ...createRecruitmentActivities({
      transactions,
      events,
      recruitment: context.get(RecruitmentRepository),
      workers: context.get(WorkersRepository),
      careers: context.get(CareersRepository),
    }),
  };
}

/** The personnel service's Temporal worker. */
export const createPersonnelWorker = nestBackedWorkerFactory({
  workerModule: (config: PersonnelConfig) => PersonnelModule.forWorker(config),
  activities: personnelActivities,
});
