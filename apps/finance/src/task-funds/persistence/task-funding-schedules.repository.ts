import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { TaskFundingSchedule } from '../domain/task-funding-schedule.js';

export type NewTaskFundingSchedule = Omit<TaskFundingSchedule, 'state' | 'cancelReason' | 'cancelledAt'>;

const columns = `task_id AS "taskId", submission_id AS "submissionId", title, department_id AS "departmentId",
  district_code AS "districtCode", budget_year AS "budgetYear", funding_period AS "fundingPeriod",
  to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", funding,
  total_fen::float8 AS "totalFen", state, cancel_reason AS "cancelReason", cancelled_at AS "cancelledAt",
  correlation_id AS "correlationId", admitted_at AS "admittedAt"`;

/** The instalment schedule of each recurring task funded per period (按期拨付). */
@Injectable()
export class TaskFundingSchedulesRepository {
  /** Opens the schedule once; a redelivered TaskAdmitted finds the first. */
  async open(tx: Transaction, schedule: NewTaskFundingSchedule): Promise<TaskFundingSchedule> {
    await entityManagerOf(tx).query(
      `INSERT INTO task_funding_schedule (task_id, submission_id, title, department_id, district_code, budget_year,
         funding_period, period_start, period_end, funding, total_fen, state, correlation_id, admitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'running', $12, $13)
       ON CONFLICT (task_id) DO NOTHING`,
      [
        schedule.taskId,
        schedule.submissionId,
        schedule.title,
        schedule.departmentId,
        schedule.districtCode,
        schedule.budgetYear,
        schedule.fundingPeriod,
        schedule.periodStart,
        schedule.periodEnd,
        JSON.stringify(schedule.funding),
        schedule.totalFen,
        schedule.correlationId,
        schedule.admittedAt,
      ],
    );
    return (await this.find(tx, schedule.taskId))!;
  }

  async find(tx: Transaction, taskId: string, lock = false): Promise<TaskFundingSchedule | null> {
    const [row] = await queryRows<TaskFundingSchedule>(
      tx,
      `SELECT ${columns} FROM task_funding_schedule WHERE task_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [taskId],
    );
    return row ?? null;
  }

  /** Stops a running schedule; false when it was not running (already cancelled or completed). */
  async cancel(tx: Transaction, taskId: string, reason: string, at: Date): Promise<boolean> {
    const [, affected] = await entityManagerOf(tx).query<[unknown[], number]>(
      `UPDATE task_funding_schedule SET state = 'cancelled', cancel_reason = $2, cancelled_at = $3, updated_at = now()
       WHERE task_id = $1 AND state = 'running'`,
      [taskId, reason, at],
    );
    return affected > 0;
  }

  async complete(tx: Transaction, taskId: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE task_funding_schedule SET state = 'completed', updated_at = now() WHERE task_id = $1 AND state = 'running'`,
      [taskId],
    );
  }
}
