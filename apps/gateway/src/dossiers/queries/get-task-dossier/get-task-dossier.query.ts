import { Query } from '@nestjs/cqrs';
import type { TaskDossier } from './task-dossier.js';

/** A task's dossier, found by the task or by the submission it came from, read with the user's own token. */
export class GetTaskDossierQuery extends Query<TaskDossier> {
  constructor(
    readonly accessToken: string,
    readonly by: { taskId: string } | { submissionId: string },
  ) {
    super();
  }
}
