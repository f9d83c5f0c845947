import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { CommunityTaskStatus, CommunityTaskView, TaskView } from '../domain/admitted-task.js';

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
  fundingPeriod: 'month' | 'quarter' | 'year' | null;
}

const taskColumns = `t.id AS "taskId", t.submission_id AS "submissionId", t.department_id AS "departmentId", t.title,
  t.recurrence, to_char(t.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(t.period_end, 'YYYY-MM-DD') AS "periodEnd",
  t.budget_year AS "budgetYear", t.required_ledgers AS "requiredLedgers", t.evaluation, t.funding_status AS "fundingStatus",
  t.funding_period AS "fundingPeriod", t.total_fen::float8 AS "totalFen", t.paid_fen::float8 AS "paidFen",
  t.cancelled_at AS "cancelledAt", t.cancel_reason AS "cancelReason", t.admitted_at AS "admittedAt", t.funded_at AS "fundedAt"`;

@Injectable()
export class TasksRepository {
  /** Inserts an admitted task; an unfunded one is dispatched to its communities in the same transaction. */
  async insert(tx: Transaction, task: NewTask): Promise<{ totalFen: number; admittedAt: Date }> {
    const totalFen = task.funding.reduce((sum, f) => sum + f.amountFen, 0);
    const unfunded = task.fundingMode === 'none';
    const [row] = await entityManagerOf(tx).query<{ admitted_at: Date }[]>(
      `INSERT INTO task (id, submission_id, district_code, department_id, title, catalogue_item_code, catalogue_version,
         recurrence, period_start, period_end, required_ledgers, evaluation, total_fen, funding_status, admitted_at,
         budget_year, funding_period)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15, $16) RETURNING admitted_at`,
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
        task.fundingPeriod,
      ],
    );
    // One statement for all the task's communities: a district-wide task has a hundred of them.
    await entityManagerOf(tx).query(
      `INSERT INTO task_community (task_id, community_id, amount_fen, status, dispatched_at)
       SELECT $1::uuid, community_id, amount_fen, $4::text, $5::timestamptz FROM unnest($2::uuid[], $3::bigint[]) AS f(community_id, amount_fen)`,
      [
        task.id,
        task.funding.map((funding) => funding.communityId),
        task.funding.map((funding) => funding.amountFen),
        unfunded ? 'dispatched' : 'admitted',
        unfunded ? row.admitted_at : null,
      ],
    );
    return { totalFen, admittedAt: row.admitted_at };
  }

  async findBySubmission(tx: Transaction, submissionId: string): Promise<TaskView | null> {
    const [row] = await queryRows<TaskView>(tx, `SELECT ${taskColumns} FROM task t WHERE t.submission_id = $1`, [
      submissionId,
    ]);
    return row ?? null;
  }

  async find(tx: Transaction, taskId: string, lock = false): Promise<(TaskView & { districtCode: string }) | null> {
    const [row] = await queryRows<TaskView & { districtCode: string }>(
      tx,
      `SELECT ${taskColumns}, t.district_code AS "districtCode" FROM task t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [taskId],
    );
    return row ?? null;
  }

  async communityEntry(
    tx: Transaction,
    taskId: string,
    communityId: string,
  ): Promise<{ status: CommunityTaskStatus; amountFen: number } | null> {
    const [row] = await queryRows<{ status: CommunityTaskStatus; amountFen: number }>(
      tx,
      `SELECT status, amount_fen::float8 AS "amountFen" FROM task_community WHERE task_id = $1 AND community_id = $2`,
      [taskId, communityId],
    );
    return row ?? null;
  }

  /**
   * Finance paid (an instalment of) the task: it counts the money, marks the task funded and puts it on its
   * communities' lists. Answers the communities that received it for the first time (empty when none: a later
   * instalment, a suspended task resumed, or a cancelled task, which stays off the lists).
   */
  async recordFunded(tx: Transaction, taskId: string, paidFen: number, at: Date): Promise<string[]> {
    const [rows] = await entityManagerOf(tx).query<[{ cancelled: boolean }[], number]>(
      `UPDATE task SET paid_fen = paid_fen + $3,
         funding_status = CASE WHEN cancelled_at IS NULL THEN 'funded' ELSE funding_status END,
         funded_at = CASE WHEN cancelled_at IS NULL THEN coalesce(funded_at, $2) ELSE funded_at END,
         funding_failure = CASE WHEN cancelled_at IS NULL THEN NULL ELSE funding_failure END
       WHERE id = $1 AND funding_status <> 'not-required' RETURNING cancelled_at IS NOT NULL AS cancelled`,
      [taskId, at, paidFen],
    );
    if (rows.length === 0 || rows[0].cancelled) return [];
    await entityManagerOf(tx).query(
      `UPDATE task_community SET status = 'dispatched' WHERE task_id = $1 AND status = 'suspended'`,
      [taskId],
    );
    const [first] = await entityManagerOf(tx).query<[{ communityId: string }[], number]>(
      `UPDATE task_community SET status = 'dispatched', dispatched_at = $2
       WHERE task_id = $1 AND status = 'admitted' RETURNING community_id AS "communityId"`,
      [taskId, at],
    );
    return first.map((row) => row.communityId).sort();
  }

  /**
   * Finance could not pay (an instalment of) the task: one never funded stays off the lists (`failed`); one
   * funded before is suspended off them until a later instalment is paid.
   */
  async markFundingFailed(tx: Transaction, taskId: string, failure: { code: string; reason: string }): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE task SET funding_status = CASE WHEN funding_status = 'funded' THEN 'suspended' ELSE 'failed' END,
         funding_failure = $2
       WHERE id = $1 AND funding_status IN ('awaiting', 'funded') AND cancelled_at IS NULL`,
      [taskId, JSON.stringify(failure)],
    );
    await entityManagerOf(tx).query(
      `UPDATE task_community tc SET status = 'suspended' FROM task t
       WHERE tc.task_id = $1 AND t.id = tc.task_id AND t.funding_status = 'suspended' AND tc.status = 'dispatched'`,
      [taskId],
    );
  }

  /** Cancels the task once: it leaves every list it is on (work done stays done). False when already cancelled. */
  async cancel(tx: Transaction, taskId: string, by: string, reason: string): Promise<Date | null> {
    const [rows] = await entityManagerOf(tx).query<[{ cancelled_at: Date }[], number]>(
      `UPDATE task SET cancelled_at = now(), cancelled_by = $2, cancel_reason = $3
       WHERE id = $1 AND cancelled_at IS NULL RETURNING cancelled_at`,
      [taskId, by, reason],
    );
    if (rows.length === 0) return null;
    await entityManagerOf(tx).query(
      `UPDATE task_community SET status = 'cancelled'
       WHERE task_id = $1 AND status IN ('admitted', 'dispatched', 'suspended')`,
      [taskId],
    );
    return rows[0].cancelled_at;
  }

  async markDone(tx: Transaction, taskId: string, communityId: string, by: string): Promise<boolean> {
    const [, affected] = await entityManagerOf(tx).query<[unknown[], number]>(
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
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      'SELECT count(*)::int AS total FROM task_community WHERE community_id = $1 AND status = ANY($2)',
      [communityId, statuses],
    );
    const items = await queryRows<CommunityTaskView>(
      tx,
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
