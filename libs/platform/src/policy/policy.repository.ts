import { Injectable } from '@nestjs/common';
import type { Transaction } from '../database/transaction-runner.js';
import { entityManagerOf } from '../database/persistence.js';

export type PolicyStatus = 'proposed' | 'published' | 'rejected';

/** One version of a district's policy of a kind, with its decision once taken. */
export interface PolicyVersion<T = object> {
  districtCode: string;
  kind: string;
  version: number;
  status: PolicyStatus;
  document: T;
  effectiveFrom: string;
  reason: string;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

const selectVersion = `
  SELECT v.district_code AS "districtCode", v.kind, v.version, coalesce(d.outcome, 'proposed') AS status,
         v.document, to_char(v.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", v.reason,
         v.proposed_by AS "proposedBy", v.proposed_at AS "proposedAt", d.decided_by AS "decidedBy",
         d.decided_at AS "decidedAt", d.reason AS "decisionReason"
  FROM policy_version v
  LEFT JOIN policy_decision d ON (d.district_code, d.kind, d.version) = (v.district_code, v.kind, v.version)`;

/** Policy versions and their decisions; both tables only ever receive new rows. */
@Injectable()
export class PolicyRepository {
  /** Serialises writers of one district's kind, so version numbers and the one open proposal stay unique. */
  async lock(tx: Transaction, districtCode: string, kind: string): Promise<void> {
    await entityManagerOf(tx).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policy:${districtCode}:${kind}`]);
  }

  async find<T>(
    tx: Transaction,
    districtCode: string,
    kind: string,
    version: number,
  ): Promise<PolicyVersion<T> | undefined> {
    const [row] = await entityManagerOf(tx).query<PolicyVersion<T>[]>(
      `${selectVersion} WHERE v.district_code = $1 AND v.kind = $2 AND v.version = $3`,
      [districtCode, kind, version],
    );
    return row;
  }

  /** The published version in force on `date`: the latest effective by then, the higher version on a tie. */
  async effectiveOn<T>(
    tx: Transaction,
    districtCode: string,
    kind: string,
    date: string,
  ): Promise<PolicyVersion<T> | undefined> {
    const [row] = await entityManagerOf(tx).query<PolicyVersion<T>[]>(
      `${selectVersion}
       WHERE v.district_code = $1 AND v.kind = $2 AND d.outcome = 'published' AND v.effective_from <= $3::date
       ORDER BY v.effective_from DESC, v.version DESC LIMIT 1`,
      [districtCode, kind, date],
    );
    return row;
  }

  async latestNumber(tx: Transaction, districtCode: string, kind: string): Promise<number> {
    const [{ latest }] = await entityManagerOf(tx).query<{ latest: number }[]>(
      'SELECT coalesce(max(version), 0)::int AS latest FROM policy_version WHERE district_code = $1 AND kind = $2',
      [districtCode, kind],
    );
    return latest;
  }

  async pendingProposal(tx: Transaction, districtCode: string, kind: string): Promise<number | undefined> {
    const [row] = await entityManagerOf(tx).query<{ version: number }[]>(
      `SELECT v.version FROM policy_version v
       LEFT JOIN policy_decision d ON (d.district_code, d.kind, d.version) = (v.district_code, v.kind, v.version)
       WHERE v.district_code = $1 AND v.kind = $2 AND d.outcome IS NULL`,
      [districtCode, kind],
    );
    return row?.version;
  }

  async insertVersion(
    tx: Transaction,
    version: Pick<
      PolicyVersion,
      'districtCode' | 'kind' | 'version' | 'document' | 'effectiveFrom' | 'reason' | 'proposedBy'
    >,
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO policy_version (district_code, kind, version, document, effective_from, reason, proposed_by)
       VALUES ($1, $2, $3, $4::jsonb, $5::date, $6, $7)`,
      [
        version.districtCode,
        version.kind,
        version.version,
        JSON.stringify(version.document),
        version.effectiveFrom,
        version.reason,
        version.proposedBy,
      ],
    );
  }

  /**
   * Version 1 and its publication in one statement, once: concurrent first readers (even outside a transaction)
   * insert it once, and a version 1 never stands without its decision.
   */
  async insertDefaults(
    tx: Transaction,
    defaults: {
      districtCode: string;
      kind: string;
      document: object;
      effectiveFrom: string;
      reason: string;
      author: string;
    },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `WITH version AS (
         INSERT INTO policy_version (district_code, kind, version, document, effective_from, reason, proposed_by)
         VALUES ($1, $2, 1, $3::jsonb, $4::date, $5, $6)
         ON CONFLICT (district_code, kind, version) DO NOTHING
         RETURNING district_code, kind, version)
       INSERT INTO policy_decision (district_code, kind, version, outcome, decided_by)
       SELECT district_code, kind, version, 'published', $6 FROM version`,
      [
        defaults.districtCode,
        defaults.kind,
        JSON.stringify(defaults.document),
        defaults.effectiveFrom,
        defaults.reason,
        defaults.author,
      ],
    );
  }

  async insertDecision(
    tx: Transaction,
    decision: {
      districtCode: string;
      kind: string;
      version: number;
      outcome: 'published' | 'rejected';
      decidedBy: string;
      reason: string | null;
    },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO policy_decision (district_code, kind, version, outcome, decided_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [decision.districtCode, decision.kind, decision.version, decision.outcome, decision.decidedBy, decision.reason],
    );
  }

  /** One page of a district's versions of a kind, newest first, and how many there are. */
  async list<T>(
    tx: Transaction,
    districtCode: string,
    kind: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: PolicyVersion<T>[]; total: number }> {
    const items = await entityManagerOf(tx).query<PolicyVersion<T>[]>(
      `${selectVersion} WHERE v.district_code = $1 AND v.kind = $2 ORDER BY v.version DESC OFFSET $3 LIMIT $4`,
      [districtCode, kind, page.offset, page.limit],
    );
    const [{ total }] = await entityManagerOf(tx).query<{ total: number }[]>(
      'SELECT count(*)::int AS total FROM policy_version WHERE district_code = $1 AND kind = $2',
      [districtCode, kind],
    );
    return { items, total };
  }
}
