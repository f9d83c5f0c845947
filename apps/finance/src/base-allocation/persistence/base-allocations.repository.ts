import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';

export interface BaseAllocationRun {
  districtCode: string;
  year: number;
  amountFen: number;
  state: 'running' | 'finished';
  /** Each start of a year's allocation is a new run (and workflow); reruns pay only what is missing. */
  runNumber: number;
  /** Names the run's workflow, unique across deployments sharing a Temporal namespace. */
  runId: string;
  communitiesSeen: number;
  communitiesPaid: number;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

interface RunRow {
  district_code: string;
  year: number;
  amount_fen: string;
  state: 'running' | 'finished';
  run_number: number;
  run_id: string;
  communities_seen: number;
  communities_paid: number;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
}

/** Base fund standards and the progress of each district's yearly allocation. */
@Injectable()
export class BaseAllocationsRepository {
  async standard(tx: Transaction, districtCode: string, year: number): Promise<number | null> {
    const rows: { amount_fen: string }[] = await tx.query(
      'SELECT amount_fen FROM base_allocation_standard WHERE district_code = $1 AND year = $2',
      [districtCode, year],
    );
    return rows[0] ? Number(rows[0].amount_fen) : null;
  }

  async setStandard(
    tx: Transaction,
    districtCode: string,
    year: number,
    amountFen: number,
    setBy: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO base_allocation_standard (district_code, year, amount_fen, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (district_code, year) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, set_by = EXCLUDED.set_by, set_at = now()`,
      [districtCode, year, amountFen, setBy],
    );
  }

  /** Starts (or restarts, for communities added since) a year's run; progress counts from zero again. */
  async beginRun(
    tx: Transaction,
    run: { districtCode: string; year: number; amountFen: number; startedBy: string },
  ): Promise<{ runNumber: number; runId: string }> {
    const rows: { run_number: number; run_id: string }[] = await tx.query(
      `INSERT INTO base_allocation_run (district_code, year, amount_fen, state, started_by, run_id)
       VALUES ($1, $2, $3, 'running', $4, gen_random_uuid())
       ON CONFLICT (district_code, year) DO UPDATE
         SET state = 'running', run_number = base_allocation_run.run_number + 1, amount_fen = EXCLUDED.amount_fen,
             communities_seen = 0, communities_paid = 0, started_by = EXCLUDED.started_by,
             run_id = EXCLUDED.run_id, started_at = now(), finished_at = NULL
       RETURNING run_number, run_id`,
      [run.districtCode, run.year, run.amountFen, run.startedBy],
    );
    return { runNumber: rows[0].run_number, runId: rows[0].run_id };
  }

  /** `seenUpTo` is absolute and `newlyPaid` counts only fresh transfers, so a retried batch counts nothing twice. */
  async recordProgress(
    tx: Transaction,
    districtCode: string,
    year: number,
    seenUpTo: number,
    newlyPaid: number,
  ): Promise<void> {
    await tx.query(
      `UPDATE base_allocation_run SET communities_seen = greatest(communities_seen, $3), communities_paid = communities_paid + $4
       WHERE district_code = $1 AND year = $2`,
      [districtCode, year, seenUpTo, newlyPaid],
    );
  }

  async finishRun(tx: Transaction, districtCode: string, year: number): Promise<void> {
    await tx.query(
      `UPDATE base_allocation_run SET state = 'finished', finished_at = now() WHERE district_code = $1 AND year = $2`,
      [districtCode, year],
    );
  }

  async findRun(tx: Transaction, districtCode: string, year: number): Promise<BaseAllocationRun | null> {
    const rows: RunRow[] = await tx.query('SELECT * FROM base_allocation_run WHERE district_code = $1 AND year = $2', [
      districtCode,
      year,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      districtCode: row.district_code,
      year: row.year,
      amountFen: Number(row.amount_fen),
      state: row.state,
      runNumber: row.run_number,
      runId: row.run_id,
      communitiesSeen: row.communities_seen,
      communitiesPaid: row.communities_paid,
      startedBy: row.started_by,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    };
  }
}
