import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { PayoutBatch, PayoutBatchPlan, PayoutBatchState, PayoutKind, PayoutLine } from '../domain/payout-batch.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

interface Row {
  id: string;
  kind: PayoutKind;
  community_id: string;
  district_code: string | null;
  period: string;
  title: string;
  lines: PayoutLine[];
  total_fen: string;
  state: PayoutBatchState;
  decided_by: string | null;
  reason: string | null;
  created_at: Date;
  closed_at: Date | null;
}

function toBatch(row: Row): PayoutBatch {
  return {
    id: row.id,
    kind: row.kind,
    communityId: row.community_id,
    districtCode: row.district_code,
    period: row.period,
    title: row.title,
    lines: row.lines,
    totalFen: fenOf(row.total_fen),
    state: row.state,
    decidedBy: row.decided_by,
    reason: row.reason,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

@Injectable()
export class PayoutBatchesRepository {
  /** Opens a batch once per source event; the returned flag tells whether this call opened it. */
  async open(
    tx: Transaction,
    batch: PayoutBatchPlan & { districtCode: string | null; state: PayoutBatchState; sourceEventId: string },
  ): Promise<boolean> {
    const inserted: { id: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO payout_batch (id, kind, community_id, district_code, period, title, lines, total_fen, state, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        batch.id,
        batch.kind,
        batch.communityId,
        batch.districtCode,
        batch.period,
        batch.title,
        JSON.stringify(batch.lines),
        batch.totalFen,
        batch.state,
        batch.sourceEventId,
      ],
    );
    return inserted.length === 1;
  }

  async find(tx: Transaction, id: string): Promise<PayoutBatch | null> {
    const rows: Row[] = await queryRows(tx, 'SELECT * FROM payout_batch WHERE id = $1', [id]);
    return rows[0] ? toBatch(rows[0]) : null;
  }

  async findForUpdate(tx: Transaction, id: string): Promise<PayoutBatch | null> {
    const rows: Row[] = await queryRows(tx, 'SELECT * FROM payout_batch WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ? toBatch(rows[0]) : null;
  }

  async close(
    tx: Transaction,
    id: string,
    outcome: { state: PayoutBatchState; decidedBy: string | null; reason: string | null },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE payout_batch SET state = $2, decided_by = $3, reason = $4, closed_at = now() WHERE id = $1`,
      [id, outcome.state, outcome.decidedBy, outcome.reason],
    );
  }

  async list(
    tx: Transaction,
    filter: { districtCode: string; state?: PayoutBatchState; communityIds?: string[] },
    page: { offset: number; limit: number },
  ): Promise<{ items: PayoutBatch[]; total: number }> {
    const where = `district_code = $1 AND ($2::text IS NULL OR state = $2)
         AND ($3::uuid[] IS NULL OR community_id = ANY($3::uuid[]))`;
    const parameters = [filter.districtCode, filter.state ?? null, filter.communityIds ?? null];
    const rows: Row[] = await queryRows(
      tx,
      `SELECT * FROM payout_batch WHERE ${where} ORDER BY created_at, id LIMIT $4 OFFSET $5`,
      [...parameters, page.limit, page.offset],
    );
    const [{ total }]: { total: string }[] = await queryRows(
      tx,
      `SELECT count(*) AS total FROM payout_batch WHERE ${where}`,
      parameters,
    );
    return { items: rows.map(toBatch), total: Number(total) };
  }
}
