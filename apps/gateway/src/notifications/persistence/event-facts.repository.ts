import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface SubmissionSubmitter {
  submissionId: string;
  submitterId: string;
  departmentId: string;
  districtCode: string;
}

export interface KnownTask {
  taskId: string;
  submissionId: string;
  districtCode: string;
  title: string;
}

/**
 * What earlier events told the gateway that later ones leave out: who submitted a submission (its decision goes to
 * them) and a task's title (a funds-arrived notice names it).
 */
@Injectable()
export class EventFactsRepository {
  /** The first submitter stays: a resubmission is by the same department, its actor may be a colleague. */
  async rememberSubmitter(tx: Transaction, fact: SubmissionSubmitter): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO submission_submitter (submission_id, submitter_id, department_id, district_code)
       VALUES ($1, $2, $3, $4) ON CONFLICT (submission_id) DO NOTHING`,
      [fact.submissionId, fact.submitterId, fact.departmentId, fact.districtCode],
    );
  }

  async submitter(tx: Transaction, submissionId: string): Promise<SubmissionSubmitter | null> {
    const rows: SubmissionSubmitter[] = await queryRows(
      tx,
      `SELECT submission_id AS "submissionId", submitter_id AS "submitterId", department_id AS "departmentId",
         district_code AS "districtCode"
       FROM submission_submitter WHERE submission_id = $1`,
      [submissionId],
    );
    return rows[0] ?? null;
  }

  async rememberTask(tx: Transaction, task: KnownTask): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO known_task (task_id, submission_id, district_code, title) VALUES ($1, $2, $3, $4)
       ON CONFLICT (task_id) DO NOTHING`,
      [task.taskId, task.submissionId, task.districtCode, task.title],
    );
  }

  async task(tx: Transaction, taskId: string): Promise<KnownTask | null> {
    const rows: KnownTask[] = await queryRows(
      tx,
      `SELECT task_id AS "taskId", submission_id AS "submissionId", district_code AS "districtCode", title
       FROM known_task WHERE task_id = $1`,
      [taskId],
    );
    return rows[0] ?? null;
  }
}
