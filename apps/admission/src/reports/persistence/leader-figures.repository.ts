import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { queryRows } from '@jianfu/platform/persistence';

export interface CatalogueCapRow {
  catalogueVersion: number | null;
  itemsAllowed: number;
  ledgersAllowed: number;
  evaluationsAllowed: number;
}

export interface CommunityLoadRow {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  tasks: number;
  items: number;
  ledgers: number;
  evaluations: number;
}

export interface DecidedSubmissionRow {
  status: string;
  firstSubmittedAt: Date;
  decidedAt: Date;
  /** The first finding that rejected it at the pre-check; null when reviewers decided. */
  precheckRejection: string | null;
}

export interface ViolationCountRow {
  code: string;
  source: 'gate' | 'community';
  count: number;
}

/** What the leaders' dashboard reads from admission's tables beyond the older reports (all for one district). */
@Injectable()
export class LeaderFiguresRepository {
  /** What the current catalogue allows a community to carry: its items, the ledgers they name, evaluation items. */
  async catalogueCap(tx: Transaction, districtCode: string): Promise<CatalogueCapRow> {
    const [row] = await queryRows<CatalogueCapRow>(
      tx,
      `WITH current AS (SELECT MAX(version) AS version FROM catalogue_version WHERE district_code = $1)
       SELECT (SELECT version FROM current) AS "catalogueVersion",
              count(*)::int AS "itemsAllowed",
              (SELECT count(DISTINCT ledger)::int FROM catalogue_item ci2, unnest(ci2.allowed_ledgers) AS ledger
                WHERE ci2.district_code = $1 AND ci2.version = (SELECT version FROM current)) AS "ledgersAllowed",
              count(*) FILTER (WHERE ci.evaluation_allowed)::int AS "evaluationsAllowed"
       FROM catalogue_item ci
       WHERE ci.district_code = $1 AND ci.version = (SELECT version FROM current)`,
      [districtCode],
    );
    return row;
  }

  /**
   * Per community, the work in force during [from, to]: tasks dispatched to it (done ones included) whose period
   * overlaps the dates, the distinct catalogue items they come under (work admitted outside the catalogue counts
   * as an item of its own), the distinct ledgers they require and the tasks carrying an evaluation.
   */
  async loadPerCommunity(
    tx: Transaction,
    districtCode: string,
    period: { from: string; to: string },
    filter: { streetCode?: string; communityIds?: string[]; streetCodes?: string[] },
  ): Promise<CommunityLoadRow[]> {
    return queryRows<CommunityLoadRow>(
      tx,
      `WITH in_force AS (
         SELECT tc.community_id, t.id, t.catalogue_item_code, t.required_ledgers, t.evaluation
         FROM task_community tc JOIN task t ON t.id = tc.task_id
         WHERE t.district_code = $1 AND tc.status IN ('dispatched', 'done')
           AND t.period_start <= $3::date AND t.period_end >= $2::date
       )
       SELECT c.community_id AS "communityId", c.code, c.name, c.street_code AS "streetCode",
              count(DISTINCT f.id)::int AS tasks,
              count(DISTINCT COALESCE(f.catalogue_item_code, 'task:' || f.id::text))::int AS items,
              (SELECT count(DISTINCT ledger)::int FROM in_force l, unnest(l.required_ledgers) AS ledger
                WHERE l.community_id = c.community_id) AS ledgers,
              count(DISTINCT f.id) FILTER (WHERE f.evaluation IS NOT NULL)::int AS evaluations
       FROM directory_community c
       LEFT JOIN in_force f ON f.community_id = c.community_id
       WHERE c.district_code = $1 AND c.status = 'active'
         AND ($4::text IS NULL OR c.street_code = $4)
         AND ($5::uuid[] IS NULL OR c.community_id = ANY($5::uuid[]))
         AND ($6::text[] IS NULL OR c.street_code = ANY($6::text[]))
       GROUP BY c.community_id, c.code, c.name, c.street_code
       ORDER BY c.code, c.community_id`,
      [
        districtCode,
        period.from,
        period.to,
        filter.streetCode ?? null,
        filter.communityIds ?? null,
        filter.streetCodes ?? null,
      ],
    );
  }

  /** Submissions decided (admitted, rejected, withdrawn, expired) on a China date within [from, to]. */
  async decidedSubmissions(
    tx: Transaction,
    districtCode: string,
    period: { from: string; to: string },
  ): Promise<DecidedSubmissionRow[]> {
    return queryRows<DecidedSubmissionRow>(
      tx,
      `SELECT status, first_submitted_at AS "firstSubmittedAt", decided_at AS "decidedAt",
              CASE WHEN precheck->>'outcome' = 'reject' THEN
                (SELECT finding->>'code' FROM jsonb_array_elements(precheck->'findings') AS finding
                  WHERE finding->>'severity' = 'reject' LIMIT 1)
              END AS "precheckRejection"
       FROM submission
       WHERE district_code = $1 AND decided_at IS NOT NULL AND first_submitted_at IS NOT NULL
         AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
       ORDER BY decided_at`,
      [districtCode, period.from, period.to],
    );
  }

  /** Work refused at the gate or reported by communities (违规摊派) within [from, to], per reason code. */
  async violationsByCode(
    tx: Transaction,
    districtCode: string,
    period: { from: string; to: string },
  ): Promise<ViolationCountRow[]> {
    return queryRows<ViolationCountRow>(
      tx,
      `SELECT code, source, count(*)::int AS count FROM violation
       WHERE district_code = $1 AND (recorded_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
       GROUP BY code, source ORDER BY count DESC, code`,
      [districtCode, period.from, period.to],
    );
  }
}
