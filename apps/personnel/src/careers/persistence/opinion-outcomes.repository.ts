import { Injectable } from '@nestjs/common';
import type { OpinionRequestClosedPayload } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface OpinionOutcome {
  requestId: string;
  purpose: string;
  disagree: number;
  closedAt: string;
}

/** The opinion requests organization closed, as its events announced them; one row per request. */
@Injectable()
export class OpinionOutcomesRepository {
  /** A redelivered event finds the row and changes nothing. */
  async record(tx: Transaction, outcome: OpinionRequestClosedPayload): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO opinion_request_outcome (request_id, district_code, subject_kind, subject_id, purpose, agree,
         disagree, no_objection, no_opinion, resident_objections, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (request_id) DO NOTHING`,
      [
        outcome.requestId,
        outcome.districtCode,
        outcome.subjectKind,
        outcome.subjectId,
        outcome.purpose,
        outcome.tally.agree,
        outcome.tally.disagree,
        outcome.tally.noObjection,
        outcome.tally.noOpinion,
        outcome.residentObjections,
        outcome.closedAt,
      ],
    );
  }

  /** The latest closed request about a person for a purpose, if any. */
  async latestClosed(tx: Transaction, personId: string, purpose: string): Promise<OpinionOutcome | null> {
    const rows: (Omit<OpinionOutcome, 'closedAt'> & { closedAt: Date })[] = await queryRows(
      tx,
      `SELECT request_id AS "requestId", purpose, disagree, closed_at AS "closedAt"
         FROM opinion_request_outcome
        WHERE subject_kind = 'person' AND subject_id = $1 AND purpose = $2
        ORDER BY closed_at DESC LIMIT 1`,
      [personId, purpose],
    );
    // pg answers a timestamptz as a Date; the outcome carries the instant as an ISO string, as events do.
    return rows[0] ? { ...rows[0], closedAt: rows[0].closedAt.toISOString() } : null;
  }
}
