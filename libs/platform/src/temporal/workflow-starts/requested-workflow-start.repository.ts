import { Injectable } from '@nestjs/common';
import type { Transaction } from '../../database/transaction-runner.js';

export interface RequestedWorkflowStart {
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  args: unknown[];
}

/** The `requested_workflow_start` table of the current service's schema. */
@Injectable()
export class RequestedWorkflowStartRepository {
  /** Within the caller's transaction; a second request for the same workflow id keeps the first. */
  async request(tx: Transaction, start: RequestedWorkflowStart): Promise<void> {
    await tx.query(
      `INSERT INTO requested_workflow_start (workflow_id, workflow_type, task_queue, args)
       VALUES ($1, $2, $3, $4) ON CONFLICT (workflow_id) DO NOTHING`,
      [start.workflowId, start.workflowType, start.taskQueue, JSON.stringify(start.args)],
    );
  }

  /**
   * Locks pending starts that are due (or the one named); a second relay skips them, so one process starts each
   * (a double start would be refused by Temporal anyway, by the workflow id).
   */
  async claimDue(tx: Transaction, limit: number, workflowId?: string): Promise<RequestedWorkflowStart[]> {
    const rows: { workflow_id: string; workflow_type: string; task_queue: string; args: unknown[] }[] = await tx.query(
      `SELECT workflow_id, workflow_type, task_queue, args FROM requested_workflow_start
         WHERE started_at IS NULL AND ($2::text IS NULL AND next_attempt_at <= now() OR workflow_id = $2)
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, workflowId ?? null],
    );
    return rows.map((row) => ({
      workflowId: row.workflow_id,
      workflowType: row.workflow_type,
      taskQueue: row.task_queue,
      args: row.args,
    }));
  }

  async markStarted(tx: Transaction, workflowId: string): Promise<void> {
    await tx.query(`UPDATE requested_workflow_start SET started_at = now(), last_error = NULL WHERE workflow_id = $1`, [
      workflowId,
    ]);
  }

  /** Backs off exponentially, capped at a minute: Temporal down for an hour costs sixty attempts, not thousands. */
  async markFailed(tx: Transaction, workflowId: string, error: string): Promise<void> {
    await tx.query(
      `UPDATE requested_workflow_start
       SET attempts = attempts + 1, last_error = $2,
           next_attempt_at = now() + least(interval '60 seconds', interval '500 milliseconds' * power(2, attempts))
       WHERE workflow_id = $1`,
      [workflowId, error.slice(0, 2000)],
    );
  }

  async countPending(tx: Transaction): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row]: { pending: string; oldest: number | null }[] = await tx.query(
      `SELECT count(*) AS pending, extract(epoch FROM now() - min(requested_at))::float8 AS oldest
       FROM requested_workflow_start WHERE started_at IS NULL`,
    );
    return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: row?.oldest ?? 0 };
  }
}
