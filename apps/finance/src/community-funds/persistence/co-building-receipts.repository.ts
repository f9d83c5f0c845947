import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface CoBuildingReceipt {
  transferId: string;
  communityId: string;
  unitId: string;
  unitName: string;
  kind: 'co-building' | 'donation';
  amountFen: number;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

interface Row {
  transfer_id: string;
  community_id: string;
  unit_id: string;
  unit_name: string;
  kind: 'co-building' | 'donation';
  amount_fen: string;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

function toReceipt(row: Row): CoBuildingReceipt {
  return {
    transferId: row.transfer_id,
    communityId: row.community_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    kind: row.kind,
    amountFen: fenOf(row.amount_fen),
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/** Who gave what to which community (共驻共建, 捐赠). */
@Injectable()
export class CoBuildingReceiptsRepository {
  /** Recorded once per transfer; a replayed request finds the first receipt. */
  async record(tx: Transaction, receipt: Omit<CoBuildingReceipt, 'recordedAt'>): Promise<CoBuildingReceipt> {
    await entityManagerOf(tx).query(
      `INSERT INTO co_building_receipt (transfer_id, community_id, unit_id, unit_name, kind, amount_fen, note, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (transfer_id) DO NOTHING`,
      [
        receipt.transferId,
        receipt.communityId,
        receipt.unitId,
        receipt.unitName,
        receipt.kind,
        receipt.amountFen,
        receipt.note,
        receipt.recordedBy,
      ],
    );
    const rows: Row[] = await queryRows(tx, 'SELECT * FROM co_building_receipt WHERE transfer_id = $1', [
      receipt.transferId,
    ]);
    return toReceipt(rows[0]);
  }

  async ofUnit(tx: Transaction, unitId: string, range: { from: Date; to: Date }): Promise<CoBuildingReceipt[]> {
    const rows: Row[] = await queryRows(
      tx,
      `SELECT * FROM co_building_receipt WHERE unit_id = $1 AND recorded_at >= $2 AND recorded_at < $3
       ORDER BY recorded_at, transfer_id`,
      [unitId, range.from, range.to],
    );
    return rows.map(toReceipt);
  }
}
