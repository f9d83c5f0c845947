import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';

export interface NewTask {
  id: string;
  submissionId: string;
  districtCode: string;
  departmentId: string;
  title: string;
  catalogueItemCode: string | null;
  catalogueVersion: number | null;
  recurrence: 'one-off' | 'recurring';
  periodStart: string;
  periodEnd: string;
  budgetYear: number;
  requiredLedgers: string[];
  evaluation: string | null;
  funding: { communityId: string; amountFen: number }[];
  /** `none`: declared unfunded one-off work, funded by rule and on its communities' lists from admission. */
  fundingMode: 'transfer' | 'none';
}

export interface TaskView {
  taskId: string;
  submissionId: string;
  departmentId: string;
  title: string;
  recurrence: string;
  periodStart: string;
  periodEnd: string;
  budgetYear: number;
  requiredLedgers: string[];
  evaluation: string | null;
  /** `not-required`: one-off work declared unfunded (无经费事项), which the gate treats as funded by rule. */
  fundingStatus: 'awaiting' | 'funded' | 'failed' | 'not-required';
  totalFen: number;
  admittedAt: Date;
  fundedAt: Date | null;
}

export interface CommunityTaskView extends TaskView {
  communityId: string;
  amountFen: number;
  status: 'admitted' | 'dispatched' | 'done';
  dispatchedAt: Date | null;
  doneAt: Date | null;
}

const taskColumns = `t.id AS "taskId", t.submission_id AS "submissionId", t.department_id AS "departmentId", t.title,
  t.recurrence, to_char(t.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(t.period_end, 'YYYY-MM-DD') AS "periodEnd",
  t.budget_year AS "budgetYear", t.required_ledgers AS "requiredLedgers", t.evaluation, t.funding_status AS "fundingStatus",
  t.total_fen::float8 AS "totalFen", t.admitted_at AS "admittedAt", t.funded_at AS "fundedAt"`;

@Injectable()
export class TasksRepository {
  /** Inserts an admitted task; an unfunded one is dispatched to its communities in the same transaction. */
  async insert(tx: Transaction, task: NewTask): Promise<{ totalFen: number; admittedAt: Date }> {
    const totalFen = task.funding.reduce((sum, f) => sum + f.amountFen, 0);
    const unfunded = task.fundingMode === 'none';
    const [row] = await tx.query<{ admitted_at: Date }[]>(
      `INSERT INTO task (id, submission_id, district_code, department_id, title, catalogue_item_code, catalogue_version,
         recurrence, period_start, period_end, required_ledgers, evaluation, total_fen, funding_status, admitted_at,
         budget_year)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15) RETURNING admitted_at`,
      [
        task.id,
        task.submissionId,
        task.districtCode,
        task.departmentId,
        task.title,
        task.catalogueItemCode,
        task.catalogueVersion,
        task.recurrence,
        task.periodStart,
        task.periodEnd,
        task.requiredLedgers,
        task.evaluation,
        totalFen,
        unfunded ? 'not-required' : 'awaiting',
        task.budgetYear,
      ],
    );
    for (const funding of task.funding) {
      await tx.query(
        `INSERT INTO task_community (task_id, community_id, amount_fen, status, dispatched_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          task.id,
          funding.communityId,
          funding.amountFen,
          unfunded ? 'dispatched' : 'admitted',
          unfunded ? row.admitted_at : null,
        ],
      );
    }
    return { totalFen, admittedAt: row.admitted_at };
  }

  async findBySubmission(tx: Transaction, submissionId: string): Promise<TaskView | null> {
    const [row] = await tx.query<TaskView[]>(`SELECT ${taskColumns} FROM task t WHERE t.submission_id = $1`, [
      submissionId,
    ]);
    return row ?? null;
  }

  async find(tx: Transaction, taskId: string, lock = false): Promise<(TaskView & { districtCode: string }) | null> {
    const [row] = await tx.query<(TaskView & { districtCode: string })[]>(
      `SELECT ${taskColumns}, t.district_code AS "districtCode" FROM task t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [taskId],
    );
    return row ?? null;
  }

  async communityEntry(
    tx: Transaction,
    taskId: string,
    communityId: string,
  ): Promise<{ status: 'admitted' | 'dispatched' | 'done'; amountFen: number } | null> {
    const [row] = await tx.query<{ status: 'admitted' | 'dispatched' | 'done'; amountFen: number }[]>(
      `SELECT status, amount_fen::float8 AS "amountFen" FROM task_community WHERE task_id = $1 AND community_id = $2`,
      [taskId, communityId],
    );
    return row ?? null;
  }

  /** Marks the task funded and its communities dispatched; false when it already was (a redelivered event). */
  async markFundedAndDispatch(tx: Transaction, taskId: string, at: Date): Promise<string[] | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, updated] = await tx.query<[unknown[], number]>(
      `UPDATE task SET funding_status = 'funded', funded_at = $2, funding_failure = NULL
       WHERE id = $1 AND funding_status NOT IN ('funded', 'not-required')`,
      [taskId, at],
    );
    if (updated === 0) return null;
    const [rows] = await tx.query<[{ communityId: string }[], number]>(
      `UPDATE task_community SET status = 'dispatched', dispatched_at = $2
       WHERE task_id = $1 AND status = 'admitted' RETURNING community_id AS "communityId"`,
      [taskId, at],
    );
    return rows.map((row) => row.communityId).sort();
  }

  async markFundingFailed(tx: Transaction, taskId: string, failure: { code: string; reason: string }): Promise<void> {
    await tx.query(
      `UPDATE task SET funding_status = 'failed', funding_failure = $2 WHERE id = $1 AND funding_status = 'awaiting'`,
      [taskId, JSON.stringify(failure)],
    );
  }

  async markDone(tx: Transaction, taskId: string, communityId: string, by: string): Promise<boolean> {
    const [, affected] = await tx.query<[unknown[], number]>(
      `UPDATE task_community SET status = 'done', done_at = now(), done_by = $3
       WHERE task_id = $1 AND community_id = $2 AND status = 'dispatched'`,
      [taskId, communityId, by],
    );
    return affected > 0;
  }

  /** The community's task list: admitted and funded tasks only (what reached it). */
  async listForCommunity(
    tx: Transaction,
    communityId: string,
    filter: { status?: 'dispatched' | 'done'; offset: number; limit: number },
  ): Promise<{ items: CommunityTaskView[]; total: number }> {
    const statuses = filter.status ? [filter.status] : ['dispatched', 'done'];
    const [{ total }] = await tx.query<{ total: number }[]>(
      'SELECT count(*)::int AS total FROM task_community WHERE community_id = $1 AND status = ANY($2)',
      [communityId, statuses],
    );
    const items = await tx.query<CommunityTaskView[]>(
      `SELECT ${taskColumns}, tc.community_id AS "communityId", tc.amount_fen::float8 AS "amountFen", tc.status,
              tc.dispatched_at AS "dispatchedAt", tc.done_at AS "doneAt"
       FROM task_community tc JOIN task t ON t.id = tc.task_id
       WHERE tc.community_id = $1 AND tc.status = ANY($2)
       ORDER BY tc.dispatched_at DESC, t.id OFFSET $3 LIMIT $4`,
      [communityId, statuses, filter.offset, filter.limit],
    );
    return { items, total };
  }
}
