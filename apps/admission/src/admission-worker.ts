import {
  ApprovalAuditRepository,
  ApprovalInboxRepository,
  createApprovalProjectionActivities,
} from '@jianfu/approvals';
import { createNestBackedWorker, EventPublisher, type NestBackedWorker, TransactionRunner } from '@jianfu/platform';
import { AdmissionModule } from './app.module.js';
import { DepartmentBudgetsRepository } from './budgets/persistence/department-budgets.repository.js';
import { CatalogueRepository } from './catalogue/persistence/catalogue.repository.js';
import type { AdmissionConfig } from './config.js';
import { TasksRepository } from './gate/persistence/tasks.repository.js';
import { parsePrecheckPolicy } from './submissions/domain/precheck-rules.js';
import { SubmissionsRepository } from './submissions/persistence/submissions.repository.js';
import { createTaskAdmissionActivities } from './submissions/workflows/task-admission.activities.js';

/** The admission service's Temporal worker: the review of each submission (准入审核). */
export function createAdmissionWorker(
  config: AdmissionConfig,
  workflowBundle: { code: string } | { codePath: string },
): Promise<NestBackedWorker> {
  const precheckPolicy = parsePrecheckPolicy(config.PRECHECK_RULES);
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
          events: context.get(EventPublisher),
          precheckPolicy,
          evaluationCap: config.EVALUATION_CAP,
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
