import { Injectable } from '@nestjs/common';
import type { Transaction } from '../../database/transaction-runner.js';
import { entityManagerOf, queryRows } from '../../database/persistence.js';

export interface RequestedWorkflowStart {
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  args: unknown[];
}

interface StartRow {
  workflow_id: string;
  workflow_type: string;
  task_queue: string;
  args: unknown[];
}

const toStart = (row: StartRow): RequestedWorkflowStart => ({
  workflowId: row.workflow_id,
  workflowType: row.workflow_type,
  taskQueue: row.task_queue,
  args: row.args,
});

/** The `requested_workflow_start` table of the current service's schema. */
@Injectable()
export class RequestedWorkflowStartRepository {
  /**
   * Within the caller's transaction; a second request for the same workflow id keeps the first. The start is due
   * `graceSeconds` after the request: until then the relay leaves it to the caller.
   */
  async request(tx: Transaction, start: RequestedWorkflowStart, graceSeconds: number): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO requested_workflow_start (workflow_id, workflow_type, task_queue, args, next_attempt_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) ON CONFLICT (workflow_id) DO NOTHING`,
      [start.workflowId, start.workflowType, start.taskQueue, JSON.stringify(start.args), graceSeconds],
    );
  }

  /** Whether any start is due, as one prepared read outside a transaction (the relay's idle pass). */
  async anyDue(tx: Transaction): Promise<boolean> {
    const [row] = await queryRows<{ due: boolean }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM requested_workflow_start WHERE started_at IS NULL AND next_attempt_at <= now()) AS due`,
    );
    return row?.due === true;
  }

  /**
   * Claims pending starts that are due, in a short transaction of its own: their next attempt moves a lease ahead, so
   * a second relay passes them over while this one calls Temporal outside any transaction. A relay that dies before
   * it marks them leaves them due again when the lease ends. The claim is no lock on the start itself: the workflow
   * id keeps a second start of the same workflow from running it twice.
   */
  async claimDue(tx: Transaction, limit: number, leaseSeconds: number): Promise<RequestedWorkflowStart[]> {
    // TypeORM answers an UPDATE with its rows and the count.
    const [rows]: [StartRow[], number] = await entityManagerOf(tx).query(
      `UPDATE requested_workflow_start SET next_attempt_at = now() + make_interval(secs => $2)
       WHERE workflow_id IN (
         SELECT workflow_id FROM requested_workflow_start
         WHERE started_at IS NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING workflow_id, workflow_type, task_queue, args`,
      [limit, leaseSeconds],
    );
    return rows.map(toStart);
  }

  /** The named start, pending or started; null when it was never requested here. */
  async findRequested(
    tx: Transaction,
    workflowId: string,
  ): Promise<(RequestedWorkflowStart & { startedAt: Date | null }) | null> {
    const [row] = await queryRows<StartRow & { started_at: Date | null }>(
      tx,
      `SELECT workflow_id, workflow_type, task_queue, args, started_at FROM requested_workflow_start
       WHERE workflow_id = $1`,
      [workflowId],
    );
    return row ? { ...toStart(row), startedAt: row.started_at } : null;
  }

  async markStarted(tx: Transaction, workflowId: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE requested_workflow_start SET started_at = now(), last_error = NULL
       WHERE workflow_id = $1 AND started_at IS NULL`,
      [workflowId],
    );
  }

  /** Backs off exponentially, capped at a minute: Temporal down for an hour costs sixty attempts, not thousands. */
  async markFailed(tx: Transaction, workflowId: string, error: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE requested_workflow_start
       SET attempts = attempts + 1, last_error = $2,
           next_attempt_at = now() + least(interval '60 seconds', interval '500 milliseconds' * power(2, attempts))
       WHERE workflow_id = $1 AND started_at IS NULL`,
      [workflowId, error.slice(0, 2000)],
    );
  }

  async countPending(tx: Transaction): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row]: { pending: string; oldest: number | null }[] = await entityManagerOf(tx).query(
      `SELECT count(*) AS pending, extract(epoch FROM now() - min(requested_at))::float8 AS oldest
       FROM requested_workflow_start WHERE started_at IS NULL`,
    );
    return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: row?.oldest ?? 0 };
  }
}
