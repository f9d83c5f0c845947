import { Injectable } from '@nestjs/common';
import type { CommunityFunding } from '@jianfu/contracts';
import type { TaskFundDecision, TaskFundTransferState } from '@jianfu/contracts/workflows';
import type { Transaction } from '@jianfu/platform';

export interface TaskFundTransfer {
  taskId: string;
  transferId: string;
  submissionId: string;
  title: string;
  departmentId: string;
  districtCode: string;
  budgetYear: number;
  funding: CommunityFunding[];
  totalFen: number;
  state: TaskFundTransferState;
  lastDecision: TaskFundDecision | null;
  failureCode: string | null;
  failureReason: string | null;
  correlationId: string;
  admittedAt: Date;
  updatedAt: Date;
}

interface Row {
  task_id: string;
  transfer_id: string;
  submission_id: string;
  title: string;
  department_id: string;
  district_code: string;
  budget_year: number;
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
    funding: row.funding,
    totalFen: Number(row.total_fen),
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
  'state' | 'lastDecision' | 'failureCode' | 'failureReason' | 'updatedAt'
>;

/** One row per admitted task: what was promised, and where its transfer stands. */
@Injectable()
export class TaskFundTransfersRepository {
  /** Opens the transfer of a task once; a second call (a redelivered event) returns the first row. */
  async open(tx: Transaction, transfer: NewTaskFundTransfer): Promise<TaskFundTransfer> {
    await tx.query(
      `INSERT INTO task_fund_transfer (task_id, transfer_id, submission_id, title, department_id, district_code,
         budget_year, funding, total_fen, state, correlation_id, admitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'reserving', $10, $11)
       ON CONFLICT (task_id) DO NOTHING`,
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
      ],
    );
    return (await this.find(tx, transfer.taskId))!;
  }

  async find(tx: Transaction, taskId: string): Promise<TaskFundTransfer | null> {
    const rows: Row[] = await tx.query('SELECT * FROM task_fund_transfer WHERE task_id = $1', [taskId]);
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  async findForUpdate(tx: Transaction, taskId: string): Promise<TaskFundTransfer | null> {
    const rows: Row[] = await tx.query('SELECT * FROM task_fund_transfer WHERE task_id = $1 FOR UPDATE', [taskId]);
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  async findByIds(tx: Transaction, taskIds: string[]): Promise<TaskFundTransfer[]> {
    const rows: Row[] = await tx.query('SELECT * FROM task_fund_transfer WHERE task_id = ANY($1::uuid[])', [taskIds]);
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
  ): Promise<void> {
    await tx.query(
      `UPDATE task_fund_transfer
       SET state = $2,
           last_decision = CASE WHEN $3::boolean THEN $4::jsonb ELSE last_decision END,
           failure_code = coalesce($5, failure_code),
           failure_reason = coalesce($6, failure_reason),
           updated_at = now()
       WHERE task_id = $1`,
      [
        taskId,
        change.state,
        change.lastDecision !== undefined,
        change.lastDecision ? JSON.stringify(change.lastDecision) : null,
        change.failure?.code ?? null,
        change.failure?.reason ?? null,
      ],
    );
  }
}
