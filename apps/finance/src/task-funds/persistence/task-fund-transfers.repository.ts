import { Injectable } from '@nestjs/common';
import type { CommunityFunding } from '@jianfu/contracts';
import type { TaskFundDecision, TaskFundTransferState } from '@jianfu/contracts/workflows';
import type { Transaction } from '@jianfu/platform';
import type { TaskFundTransfer } from '../domain/task-fund-transfer.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import {
  type BudgetWithBalances,
  budgetWithBalancesOf,
  budgetWithBalancesSql,
} from '../../budgets/persistence/budgets.repository.js';

interface Row {
  task_id: string;
  transfer_id: string;
  submission_id: string;
  title: string;
  department_id: string;
  district_code: string;
  budget_year: number;
  period: string;
  period_start: string | null;
  period_end: string | null;
  funding: CommunityFunding[];
  total_fen: string;
  state: TaskFundTransferState;
  last_decision: TaskFundDecision | null;
  failure_code: string | null;
  failure_reason: string | null;
  correlation_id: string;
  admitted_at: Date;
  updated_at: Date;
}

function toTransfer(row: Row): TaskFundTransfer {
  return {
    taskId: row.task_id,
    transferId: row.transfer_id,
    submissionId: row.submission_id,
    title: row.title,
    departmentId: row.department_id,
    districtCode: row.district_code,
    budgetYear: row.budget_year,
    period: row.period || null,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    funding: row.funding,
    totalFen: fenOf(row.total_fen),
    state: row.state,
    lastDecision: row.last_decision,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    correlationId: row.correlation_id,
    admittedAt: row.admitted_at,
    updatedAt: row.updated_at,
  };
}

export type NewTaskFundTransfer = Omit<
  TaskFundTransfer,
  'state' | 'lastDecision' | 'failureCode' | 'failureReason' | 'updatedAt' | 'period' | 'periodStart' | 'periodEnd'
> &
  Partial<Pick<TaskFundTransfer, 'period' | 'periodStart' | 'periodEnd'>>;

const columns = `task_id, transfer_id, submission_id, title, department_id, district_code, budget_year, period,
  to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end, funding,
  total_fen, state, last_decision, failure_code, failure_reason, correlation_id, admitted_at, updated_at`;

/**
 * The rows `select` (a `SELECT … FROM task_fund_transfer`) gives for the transfer `find` means: the instalment
 * `period`, or without a period the task's latest.
 */
function transferOfTask<T>(tx: Transaction, select: string, taskId: string, period?: string): Promise<T[]> {
  return period === undefined
    ? queryRows<T>(tx, `${select} WHERE task_id = $1 ORDER BY period_start DESC NULLS LAST, period DESC LIMIT 1`, [
        taskId,
      ])
    : queryRows<T>(tx, `${select} WHERE task_id = $1 AND period = $2`, [taskId, period]);
}

/**
 * One row per transfer: per admitted task funded once, or per instalment of a task funded per period (keyed
 * by the task and the instalment's period; `''` stands for "funded once").
 */
@Injectable()
export class TaskFundTransfersRepository {
  /** Opens a transfer once; a second call (a redelivered event, a retried activity) returns the first row. */
  async open(tx: Transaction, transfer: NewTaskFundTransfer): Promise<TaskFundTransfer> {
    await entityManagerOf(tx).query(
      `INSERT INTO task_fund_transfer (task_id, transfer_id, submission_id, title, department_id, district_code,
         budget_year, funding, total_fen, state, correlation_id, admitted_at, period, period_start, period_end)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'reserving', $10, $11, $12, $13, $14)
       ON CONFLICT (task_id, period) DO NOTHING`,
      [
        transfer.taskId,
        transfer.transferId,
        transfer.submissionId,
        transfer.title,
        transfer.departmentId,
        transfer.districtCode,
        transfer.budgetYear,
        JSON.stringify(transfer.funding),
        transfer.totalFen,
        transfer.correlationId,
        transfer.admittedAt,
        transfer.period ?? '',
        transfer.periodStart,
        transfer.periodEnd,
      ],
    );
    return (await this.find(tx, transfer.taskId, transfer.period ?? ''))!;
  }

  /**
   * A transfer of the task: the one of the instalment `period` (`''`: the task funded once), or without a
   * period the task's latest, which is its only one when the task is funded once.
   */
  async find(tx: Transaction, taskId: string, period?: string): Promise<TaskFundTransfer | null> {
    const [row] = await transferOfTask<Row>(tx, `SELECT ${columns} FROM task_fund_transfer`, taskId, period);
    return row ? toTransfer(row) : null;
  }

  /**
   * A transfer as `find` reads it, with its department's budget of the transfer's year and that budget's balances,
   * in one statement and so from one snapshot: a reservation or a payment committed between two reads would show
   * the transfer's amount twice, or not at all, beside the budget.
   */
  async findWithBudget(
    tx: Transaction,
    taskId: string,
    period?: string,
  ): Promise<{ transfer: TaskFundTransfer; budget: BudgetWithBalances | null } | null> {
    const [row] = await transferOfTask<Row & { budget: Parameters<typeof budgetWithBalancesOf>[0] }>(
      tx,
      `SELECT ${columns}, ${budgetWithBalancesSql('t.department_id', 't.budget_year')} AS budget
       FROM task_fund_transfer t`,
      taskId,
      period,
    );
    return row ? { transfer: toTransfer(row), budget: budgetWithBalancesOf(row.budget) } : null;
  }

  async findForUpdate(tx: Transaction, taskId: string, period = ''): Promise<TaskFundTransfer | null> {
    const rows: Row[] = await queryRows(
      tx,
      `SELECT ${columns} FROM task_fund_transfer WHERE task_id = $1 AND period = $2 FOR UPDATE`,
      [taskId, period],
    );
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /** Every transfer of a task, instalments in order of their periods. */
  async listForTask(tx: Transaction, taskId: string): Promise<TaskFundTransfer[]> {
    const rows: Row[] = await queryRows(
      tx,
      `SELECT ${columns} FROM task_fund_transfer WHERE task_id = $1 ORDER BY period_start NULLS FIRST, period`,
      [taskId],
    );
    return rows.map(toTransfer);
  }

  async changeState(
    tx: Transaction,
    taskId: string,
    change: {
      state: TaskFundTransferState;
      lastDecision?: TaskFundDecision | null;
      failure?: { code: string; reason: string };
    },
    period = '',
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE task_fund_transfer
       SET state = $2,
           last_decision = CASE WHEN $3::boolean THEN $4::jsonb ELSE last_decision END,
           failure_code = coalesce($5, failure_code),
           failure_reason = coalesce($6, failure_reason),
           updated_at = now()
       WHERE task_id = $1 AND period = $7`,
      [
        taskId,
        change.state,
        change.lastDecision !== undefined,
        change.lastDecision ? JSON.stringify(change.lastDecision) : null,
        change.failure?.code ?? null,
        change.failure?.reason ?? null,
        period,
      ],
    );
  }
}
