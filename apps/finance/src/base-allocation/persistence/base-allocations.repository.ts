import { Injectable } from '@nestjs/common';
import type { DirectoryPosition } from '@jianfu/community-directory';
import type { Transaction } from '@jianfu/platform';
import type { BaseAllocationRun, BaseTopUp } from '../domain/base-allocation-run.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

/** A run's page cursor: the offset a page ended at, and its last community in the directory's code order. */
export interface BasePageCursor {
  offset: number;
  after: DirectoryPosition;
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
  top_up_id: string | null;
  communities_topped_up: number;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
  page_cursor_offset: number | null;
  page_cursor_code: string | null;
  page_cursor_community_id: string | null;
}

interface TopUpRow {
  top_up_id: string;
  district_code: string;
  year: number;
  from_fen: string;
  to_fen: string;
  reason: string;
  run_id: string;
  started_by: string;
  started_at: Date;
}

function toTopUp(row: TopUpRow): BaseTopUp {
  return {
    topUpId: row.top_up_id,
    districtCode: row.district_code,
    year: row.year,
    fromFen: fenOf(row.from_fen),
    toFen: fenOf(row.to_fen),
    reason: row.reason,
    runId: row.run_id,
    startedBy: row.started_by,
    startedAt: row.started_at,
  };
}

function toRun(row: RunRow): BaseAllocationRun {
  return {
    districtCode: row.district_code,
    year: row.year,
    amountFen: fenOf(row.amount_fen),
    state: row.state,
    runNumber: row.run_number,
    runId: row.run_id,
    communitiesSeen: row.communities_seen,
    communitiesPaid: row.communities_paid,
    topUpId: row.top_up_id,
    communitiesToppedUp: row.communities_topped_up,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Base fund standards and the progress of each district's yearly allocation. */
@Injectable()
export class BaseAllocationsRepository {
  async standard(tx: Transaction, districtCode: string, year: number): Promise<number | null> {
    const rows: { amount_fen: string }[] = await queryRows(
      tx,
      'SELECT amount_fen FROM base_allocation_standard WHERE district_code = $1 AND year = $2',
      [districtCode, year],
    );
    return rows[0] ? fenOf(rows[0].amount_fen) : null;
  }

  async setStandard(
    tx: Transaction,
    districtCode: string,
    year: number,
    amountFen: number,
    setBy: string,
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO base_allocation_standard (district_code, year, amount_fen, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (district_code, year) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, set_by = EXCLUDED.set_by, set_at = now()`,
      [districtCode, year, amountFen, setBy],
    );
  }

  /**
   * Starts (or restarts, for communities added since, or to top up a raised standard) a year's run;
   * progress counts from zero again.
   */
  async beginRun(
    tx: Transaction,
    run: {
      districtCode: string;
      year: number;
      amountFen: number;
      startedBy: string;
      runId?: string;
      topUpId?: string;
      /** The funding-policy version the amount came from, when the district set no standard for the year. */
      standardPolicyVersion?: number | null;
    },
  ): Promise<{ runNumber: number; runId: string }> {
    const rows: { run_number: number; run_id: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO base_allocation_run (district_code, year, amount_fen, state, started_by, run_id, top_up_id,
         standard_policy_version)
       VALUES ($1, $2, $3, 'running', $4, coalesce($5::uuid, gen_random_uuid()), $6, $7)
       ON CONFLICT (district_code, year) DO UPDATE
         SET state = 'running', run_number = base_allocation_run.run_number + 1, amount_fen = EXCLUDED.amount_fen,
             communities_seen = 0, communities_paid = 0, communities_topped_up = 0, started_by = EXCLUDED.started_by,
             run_id = EXCLUDED.run_id, top_up_id = EXCLUDED.top_up_id, started_at = now(), finished_at = NULL,
             standard_policy_version = EXCLUDED.standard_policy_version,
             page_cursor_offset = NULL, page_cursor_code = NULL, page_cursor_community_id = NULL
       RETURNING run_number, run_id`,
      [
        run.districtCode,
        run.year,
        run.amountFen,
        run.startedBy,
        run.runId ?? null,
        run.topUpId ?? null,
        run.standardPolicyVersion ?? null,
      ],
    );
    return { runNumber: rows[0].run_number, runId: rows[0].run_id };
  }

  async recordTopUp(tx: Transaction, topUp: Omit<BaseTopUp, 'startedAt'>): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO base_allocation_top_up (top_up_id, district_code, year, from_fen, to_fen, reason, run_id, started_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        topUp.topUpId,
        topUp.districtCode,
        topUp.year,
        topUp.fromFen,
        topUp.toFen,
        topUp.reason,
        topUp.runId,
        topUp.startedBy,
      ],
    );
  }

  async findTopUp(tx: Transaction, topUpId: string): Promise<BaseTopUp | null> {
    const rows: TopUpRow[] = await queryRows(tx, 'SELECT * FROM base_allocation_top_up WHERE top_up_id = $1', [
      topUpId,
    ]);
    return rows[0] ? toTopUp(rows[0]) : null;
  }

  async topUps(
    tx: Transaction,
    districtCode: string,
    year: number,
    page: { offset: number; limit: number },
  ): Promise<{ items: BaseTopUp[]; total: number }> {
    const rows: TopUpRow[] = await queryRows(
      tx,
      `SELECT * FROM base_allocation_top_up WHERE district_code = $1 AND year = $2
       ORDER BY started_at, to_fen LIMIT $3 OFFSET $4`,
      [districtCode, year, page.limit, page.offset],
    );
    const [{ total }]: { total: string }[] = await queryRows(
      tx,
      'SELECT count(*) AS total FROM base_allocation_top_up WHERE district_code = $1 AND year = $2',
      [districtCode, year],
    );
    return { items: rows.map(toTopUp), total: Number(total) };
  }

  /**
   * `seenUpTo` is absolute and the counts are of fresh transfers only, so a retried batch counts nothing twice.
   * `lastSeen`, the page's last community, becomes the page cursor at `seenUpTo`. A page retried after its commit
   * moves it back; the page after that, not at the cursor, is then found by its offset once, and sets it again.
   */
  async recordProgress(
    tx: Transaction,
    districtCode: string,
    year: number,
    seenUpTo: number,
    newlyPaid: number,
    newlyToppedUp = 0,
    lastSeen?: DirectoryPosition,
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE base_allocation_run SET communities_seen = greatest(communities_seen, $3),
         communities_paid = communities_paid + $4, communities_topped_up = communities_topped_up + $5,
         page_cursor_offset = CASE WHEN $6::text IS NULL THEN page_cursor_offset ELSE $3 END,
         page_cursor_code = coalesce($6, page_cursor_code),
         page_cursor_community_id = coalesce($7::uuid, page_cursor_community_id)
       WHERE district_code = $1 AND year = $2`,
      [districtCode, year, seenUpTo, newlyPaid, newlyToppedUp, lastSeen?.code ?? null, lastSeen?.communityId ?? null],
    );
  }

  async finishRun(tx: Transaction, districtCode: string, year: number): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE base_allocation_run SET state = 'finished', finished_at = now() WHERE district_code = $1 AND year = $2`,
      [districtCode, year],
    );
  }

  /** The year's run and where it last recorded a page ending (the cursor null before its first page), in one read. */
  async findRunWithCursor(
    tx: Transaction,
    districtCode: string,
    year: number,
  ): Promise<{ run: BaseAllocationRun; cursor: BasePageCursor | null } | null> {
    const row = await this.runRow(tx, districtCode, year);
    if (!row) return null;
    const cursor =
      row.page_cursor_offset != null && row.page_cursor_code != null && row.page_cursor_community_id != null
        ? {
            offset: row.page_cursor_offset,
            after: { code: row.page_cursor_code, communityId: row.page_cursor_community_id },
          }
        : null;
    return { run: toRun(row), cursor };
  }

  async findRun(tx: Transaction, districtCode: string, year: number, lock = false): Promise<BaseAllocationRun | null> {
    const row = await this.runRow(tx, districtCode, year, lock);
    return row ? toRun(row) : null;
  }

  private async runRow(tx: Transaction, districtCode: string, year: number, lock = false): Promise<RunRow | undefined> {
    const rows: RunRow[] = await queryRows(
      tx,
      `SELECT * FROM base_allocation_run WHERE district_code = $1 AND year = $2${lock ? ' FOR UPDATE' : ''}`,
      [districtCode, year],
    );
    return rows[0];
  }
}
