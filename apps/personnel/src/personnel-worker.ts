import {
  ApprovalAuditRepository,
  ApprovalInboxRepository,
  createApprovalProjectionActivities,
} from '@jianfu/approvals';
import { createNestBackedWorker, EventPublisher, type NestBackedWorker, TransactionRunner } from '@jianfu/platform';
import { PersonnelModule } from './app.module.js';
import { bonusTablesFrom } from './assessments/domain/bonus-table.js';
import { AssessmentsRepository } from './assessments/persistence/assessments.repository.js';
import { createAssessmentCycleClosingActivities } from './assessments/workflows/assessment-cycle-closing.activities.js';
import { CareerEligibility } from './careers/career-eligibility.js';
import { CareersRepository } from './careers/persistence/careers.repository.js';
import { PromotionsRepository } from './careers/persistence/promotions.repository.js';
import { createPromotionActivities } from './careers/workflows/promotion.activities.js';
import type { PersonnelConfig } from './config.js';
import { RecruitmentRepository } from './recruitment/persistence/recruitment.repository.js';
import { createRecruitmentActivities } from './recruitment/workflows/recruitment.activities.js';
import { WorkersRepository } from './workers/persistence/workers.repository.js';

/** The personnel service's Temporal worker: cycle closing, promotions and recruitment, with their approvals. */
export function createPersonnelWorker(
  config: PersonnelConfig,
  workflowBundle: { code: string } | { codePath: string },
): Promise<NestBackedWorker> {
  return createNestBackedWorker({
    module: PersonnelModule.forWorker(config),
    config,
    workflowBundle,
    activities: (context) => {
      const transactions = context.get(TransactionRunner);
      const events = context.get(EventPublisher);
      return {
        ...createApprovalProjectionActivities({
          transactions,
          inbox: context.get(ApprovalInboxRepository),
          audit: context.get(ApprovalAuditRepository),
          events: { publisher: events, service: 'personnel' },
        }),
        ...createAssessmentCycleClosingActivities({
          transactions,
          events,
          assessments: context.get(AssessmentsRepository),
          bonuses: bonusTablesFrom(config),
        }),
        ...createPromotionActivities({
          transactions,
          events,
          promotions: context.get(PromotionsRepository),
          workers: context.get(WorkersRepository),
          careers: context.get(CareersRepository),
          eligibility: context.get(CareerEligibility),
        }),
        ...createRecruitmentActivities({
          transactions,
          events,
          recruitment: context.get(RecruitmentRepository),
          workers: context.get(WorkersRepository),
          careers: context.get(CareersRepository),
        }),
      };
    },
  });
}
