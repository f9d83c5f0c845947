import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface CommunityBurdenRow {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  tasks: number;
  tasksDone: number;
  ledgers: number;
  fundedFen: number;
  violations: number;
}

export interface DepartmentViolationsRow {
  departmentId: string;
  departmentName: string | null;
  violations: number;
  refusedAtGate: number;
  reportedByCommunities: number;
  lastRecordedAt: Date;
}

/** Leader dashboards over admission's own tables. */
@Injectable()
export class ReportsRepository {
  /** Admitted tasks per item of the current catalogue, plus those admitted on a legal basis alone. */
  async admissionsAgainstCatalogue(tx: Transaction, districtCode: string) {
    const rows = await entityManagerOf(tx).query<
      { code: string; name: string; category: string; admittedTasks: number }[]
    >(
      `WITH current AS (SELECT MAX(version) AS version FROM catalogue_version WHERE district_code = $1)
       SELECT ci.code, ci.name, ci.category, count(t.id)::int AS "admittedTasks"
       FROM catalogue_item ci JOIN current ON ci.version = current.version
       LEFT JOIN task t ON t.district_code = ci.district_code AND t.catalogue_item_code = ci.code
       WHERE ci.district_code = $1
       GROUP BY ci.code, ci.name, ci.category ORDER BY ci.code`,
      [districtCode],
    );
    const [outside] = await queryRows<{ n: number }>(
      tx,
      `SELECT count(*)::int AS n FROM task WHERE district_code = $1 AND catalogue_item_code IS NULL`,
      [districtCode],
    );
    const [version] = await queryRows<{ v: number | null }>(
      tx,
      'SELECT MAX(version) AS v FROM catalogue_version WHERE district_code = $1',
      [districtCode],
    );
    return {
      catalogueVersion: version.v,
      items: rows,
      itemsWithAdmissions: rows.filter((row) => row.admittedTasks > 0).length,
      admittedOutsideCatalogue: outside.n,
    };
  }

  /** What rests on each community: tasks dispatched and done, ledgers they require, funds, violations; by code. */
  async burdenPerCommunity(
    tx: Transaction,
    districtCode: string,
    communityIds: string[] | undefined,
    page: { offset: number; limit: number },
  ): Promise<{ items: CommunityBurdenRow[]; total: number }> {
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM directory_community c
       WHERE c.district_code = $1 AND ($2::uuid[] IS NULL OR c.community_id = ANY($2::uuid[]))`,
      [districtCode, communityIds ?? null],
    );
    const items = await queryRows<CommunityBurdenRow>(
      tx,
      `SELECT c.community_id AS "communityId", c.code, c.name, c.street_code AS "streetCode",
              count(tc.task_id) FILTER (WHERE tc.status IN ('dispatched', 'done'))::int AS "tasks",
              count(tc.task_id) FILTER (WHERE tc.status = 'done')::int AS "tasksDone",
              COALESCE(sum(cardinality(t.required_ledgers)) FILTER (WHERE tc.status IN ('dispatched', 'done')), 0)::int
                AS "ledgers",
              COALESCE(sum(tc.amount_fen) FILTER (WHERE tc.status IN ('dispatched', 'done')), 0)::float8 AS "fundedFen",
              (SELECT count(*)::int FROM violation v WHERE v.community_id = c.community_id) AS "violations"
       FROM directory_community c
       LEFT JOIN task_community tc ON tc.community_id = c.community_id
       LEFT JOIN task t ON t.id = tc.task_id
       WHERE c.district_code = $1 AND ($2::uuid[] IS NULL OR c.community_id = ANY($2::uuid[]))
       GROUP BY c.community_id, c.code, c.name, c.street_code
       ORDER BY c.code, c.community_id OFFSET $3 LIMIT $4`,
      [districtCode, communityIds ?? null, page.offset, page.limit],
    );
    return { items, total };
  }

  async violationsPerDepartment(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: DepartmentViolationsRow[]; total: number }> {
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      'SELECT count(DISTINCT department_id)::int AS total FROM violation WHERE district_code = $1',
      [districtCode],
    );
    const items = await queryRows<DepartmentViolationsRow>(
      tx,
      `SELECT v.department_id AS "departmentId", d.name AS "departmentName", count(*)::int AS violations,
              count(*) FILTER (WHERE v.source = 'gate')::int AS "refusedAtGate",
              count(*) FILTER (WHERE v.source = 'community')::int AS "reportedByCommunities",
              max(v.recorded_at) AS "lastRecordedAt"
       FROM violation v LEFT JOIN department d ON d.department_id = v.department_id
       WHERE v.district_code = $1
       GROUP BY v.department_id, d.name ORDER BY violations DESC, v.department_id OFFSET $2 LIMIT $3`,
      [districtCode, page.offset, page.limit],
    );
    return { items, total };
  }

  /** Median calendar days from first submission to decision, overall and per outcome. */
  async medianDaysToDecision(tx: Transaction, districtCode: string) {
    const rows = await entityManagerOf(tx).query<
      { outcome: string | null; decided: number; medianDays: number | null }[]
    >(
      `SELECT status AS outcome, count(*)::int AS decided,
              percentile_cont(0.5) WITHIN GROUP (
                ORDER BY EXTRACT(EPOCH FROM decided_at - first_submitted_at) / 86400)::float8 AS "medianDays"
       FROM submission
       WHERE district_code = $1 AND decided_at IS NOT NULL AND first_submitted_at IS NOT NULL
       GROUP BY ROLLUP (status) ORDER BY status NULLS FIRST`,
      [districtCode],
    );
    const [overall, ...byOutcome] = rows;
    return {
      decided: overall?.decided ?? 0,
      medianDays: overall?.medianDays ?? null,
      byOutcome: byOutcome.map((row) => ({ ...row, outcome: row.outcome! })),
    };
  }

  /**
   * The reform's headline figures for a district (seed 002: 承接事项 106 → 34, 权力事项取消65项, 考核评比事项只保留1项)
   * and what passed or was refused beyond tasks in the period [from, to] (China dates, both optional).
   */
  async reformHeadline(tx: Transaction, districtCode: string, period: { from?: string; to?: string }) {
    const [catalogue] = await entityManagerOf(tx).query<
      {
        baselineVersion: number | null;
        baselineItemCount: number | null;
        currentVersion: number | null;
        currentItemCount: number | null;
        evaluationItemsKept: number;
      }[]
    >(
      `WITH current AS (SELECT MAX(version) AS version FROM catalogue_version WHERE district_code = $1),
            baseline AS (SELECT version FROM catalogue_baseline WHERE district_code = $1 ORDER BY id DESC LIMIT 1)
       SELECT (SELECT version FROM baseline) AS "baselineVersion",
              (SELECT item_count FROM catalogue_version WHERE district_code = $1 AND version = (SELECT version FROM baseline))
                AS "baselineItemCount",
              (SELECT version FROM current) AS "currentVersion",
              (SELECT item_count FROM catalogue_version WHERE district_code = $1 AND version = (SELECT version FROM current))
                AS "currentItemCount",
              (SELECT count(*)::int FROM catalogue_item
                WHERE district_code = $1 AND version = (SELECT version FROM current) AND evaluation_allowed)
                AS "evaluationItemsKept"`,
      [districtCode],
    );
    const [powerItems] = await entityManagerOf(tx).query<
      { departments: number; kept: number; cancelled: number; devolved: number }[]
    >(
      `WITH current AS (
         SELECT department_id, MAX(version) AS version FROM power_item_version WHERE district_code = $1
         GROUP BY department_id)
       SELECT (SELECT count(*)::int FROM current) AS departments,
              count(*) FILTER (WHERE i.status = 'kept')::int AS kept,
              count(*) FILTER (WHERE i.status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE i.status LIKE 'devolved-%')::int AS devolved
       FROM current c JOIN power_item i ON i.department_id = c.department_id AND i.version = c.version`,
      [districtCode],
    );
    const from = period.from ?? '0001-01-01';
    const to = period.to ?? '9999-12-31';
    const [beyond] = await entityManagerOf(tx).query<
      {
        meetingsAdmitted: number;
        meetingHours: number;
        sealUses: number;
        sealRefusals: number;
        plaqueRefusals: number;
      }[]
    >(
      `SELECT
         (SELECT count(*)::int FROM meeting_summons WHERE district_code = $1 AND status = 'admitted'
            AND meeting_date BETWEEN $2::date AND $3::date) AS "meetingsAdmitted",
         (SELECT COALESCE(sum(hours), 0)::float8 FROM meeting_summons WHERE district_code = $1 AND status = 'admitted'
            AND meeting_date BETWEEN $2::date AND $3::date) AS "meetingHours",
         (SELECT count(*)::int FROM seal_request WHERE district_code = $1 AND status = 'accepted'
            AND (requested_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date) AS "sealUses",
         (SELECT count(*)::int FROM seal_request WHERE district_code = $1 AND status = 'refused'
            AND (requested_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date) AS "sealRefusals",
         (SELECT count(*)::int FROM plaque_request WHERE district_code = $1 AND status = 'refused'
            AND (requested_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date) AS "plaqueRefusals"`,
      [districtCode, from, to],
    );
    const kinds = await queryRows<{ kind: string; count: number }>(
      tx,
      `SELECT kind, count(*)::int AS count FROM violation
       WHERE district_code = $1 AND (recorded_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
       GROUP BY kind`,
      [districtCode, from, to],
    );
    const violationsByKind = { task: 0, meeting: 0, ledger: 0, seal: 0, plaque: 0 };
    for (const row of kinds) violationsByKind[row.kind as keyof typeof violationsByKind] = row.count;
    return {
      districtCode,
      from: period.from ?? null,
      to: period.to ?? null,
      catalogue,
      powerItems,
      beyondTasks: { ...beyond, violationsByKind },
    };
  }
}
