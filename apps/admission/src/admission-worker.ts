import { approvalProjectionActivitiesIn } from '@jianfu/approvals';
import { nestBackedWorkerFactory, PolicyBook, type WorkerActivityDependencies } from '@jianfu/platform';
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

/** Every activity of the admission worker: the review of each submission (准入审核) and of meetings over the allowance. */
function admissionActivities({ context, transactions, events }: WorkerActivityDependencies<AdmissionConfig>) {
  return {
    ...createTaskAdmissionActivities({
      transactions,
      submissions: context.get(SubmissionsRepository),
      catalogue: context.get(CatalogueRepository),
      tasks: context.get(TasksRepository),
      budgets: context.get(DepartmentBudgetsRepository),
      powerItems: context.get(PowerItemsRepository),
      events,
      policies: context.get(PolicyBook),
    }),
    ...createMeetingSummonsActivities({ transactions, summonses: context.get(MeetingSummonsRepository), events }),
    ...approvalProjectionActivitiesIn(context, 'admission'),
  };
}

/** The admission service's Temporal worker. */
export const createAdmissionWorker = nestBackedWorkerFactory({
  workerModule: (config: AdmissionConfig) => AdmissionModule.forWorker(config),
  activities: admissionActivities,
});
