import {
  ApprovalAuditRepository,
  ApprovalInboxRepository,
  createApprovalProjectionActivities,
} from '@jianfu/approvals';
import {
  createNestBackedWorker,
  EventPublisher,
  type NestBackedWorker,
  PolicyBook,
  TransactionRunner,
} from '@jianfu/platform';
import { AdmissionModule } from './app.module.js';
import { DepartmentBudgetsRepository } from './budgets/persistence/department-budgets.repository.js';
import { CatalogueRepository } from './catalogue/persistence/catalogue.repository.js';
import type { AdmissionConfig } from './config.js';
import { TasksRepository } from './gate/persistence/tasks.repository.js';
import { PowerItemsRepository } from './power-items/persistence/power-items.repository.js';
import { MeetingSummonsRepository } from './meetings/persistence/meeting-summons.repository.js';
import { createMeetingSummonsActivities } from './meetings/workflows/meeting-summons-review.activities.js';
import { SubmissionsRepository } from './submissions/persistence/submissions.repository.js';
import { createTaskAdmissionActivities } from './submissions/workflows/task-admission.activities.js';

/** The admission service's Temporal worker: the review of each submission (准入审核) and of meetings over the allowance. */
export function createAdmissionWorker(
  config: AdmissionConfig,
  workflowBundle: { code: string } | { codePath: string },
): Promise<NestBackedWorker> {
  return createNestBackedWorker({
    module: AdmissionModule.forWorker(config),
    config,
    workflowBundle,
    activities: (context) => {
      const transactions = context.get(TransactionRunner);
      return {
        ...createTaskAdmissionActivities({
          transactions,
          submissions: context.get(SubmissionsRepository),
          catalogue: context.get(CatalogueRepository),
          tasks: context.get(TasksRepository),
          budgets: context.get(DepartmentBudgetsRepository),
          powerItems: context.get(PowerItemsRepository),
          events: context.get(EventPublisher),
          policies: context.get(PolicyBook),
        }),
        ...createMeetingSummonsActivities({
          transactions,
          summonses: context.get(MeetingSummonsRepository),
          events: context.get(EventPublisher),
        }),
        // Repositories without state: the worker needs no Nest module for them.
        ...createApprovalProjectionActivities({
          transactions,
          inbox: new ApprovalInboxRepository(),
          audit: new ApprovalAuditRepository(),
          events: { publisher: context.get(EventPublisher), service: 'admission' },
        }),
      };
    },
  });
}
