import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { RecordedRemoval } from '../domain/baseline-diff.js';

export interface BaselineMark {
  districtCode: string;
  version: number;
  note: string | null;
  markedBy: string;
  markedAt: Date;
}

/** The pre-reform baseline of each district's catalogue and the reasons items left it; rows are only appended. */
@Injectable()
export class CatalogueBaselineRepository {
  async mark(
    tx: Transaction,
    mark: { districtCode: string; version: number; note: string | null; markedBy: string },
  ): Promise<BaselineMark> {
    const [row] = await entityManagerOf(tx).query<{ marked_at: Date }[]>(
      `INSERT INTO catalogue_baseline (district_code, version, note, marked_by) VALUES ($1, $2, $3, $4)
       RETURNING marked_at`,
      [mark.districtCode, mark.version, mark.note, mark.markedBy],
    );
    return { ...mark, markedAt: row.marked_at };
  }

  /** The latest mark stands. */
  async current(tx: Transaction, districtCode: string): Promise<BaselineMark | null> {
    const [row] = await queryRows<BaselineMark>(
      tx,
      `SELECT district_code AS "districtCode", version, note, marked_by AS "markedBy", marked_at AS "markedAt"
       FROM catalogue_baseline WHERE district_code = $1 ORDER BY id DESC LIMIT 1`,
      [districtCode],
    );
    return row ?? null;
  }

  async recordReasons(tx: Transaction, districtCode: string, reasons: RecordedRemoval[], by: string): Promise<void> {
    for (const reason of reasons) {
      await entityManagerOf(tx).query(
        `INSERT INTO catalogue_removal_reason (district_code, code, reason, merged_into, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [districtCode, reason.code, reason.reason, reason.mergedInto, reason.note, by],
      );
    }
  }

  /** The latest reason recorded for each code. */
  async reasons(tx: Transaction, districtCode: string): Promise<RecordedRemoval[]> {
    return queryRows<RecordedRemoval>(
      tx,
      `SELECT DISTINCT ON (code) code, reason, merged_into AS "mergedInto", note
       FROM catalogue_removal_reason WHERE district_code = $1 ORDER BY code, id DESC`,
      [districtCode],
    );
  }
}
