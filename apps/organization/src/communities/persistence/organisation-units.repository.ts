import { Injectable } from '@nestjs/common';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { PlacedUnit, StoredUnit, UnitKind } from '../domain/hierarchy-unit.js';
import { selectPage } from '../../persistence/select-page.js';
import { StreetEntity } from './street.entity.js';

export interface CommunityView {
  id: string;
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
  districtCode: string;
  status: 'active' | 'merged';
  mergedIntoCode: string | null;
}

export interface HierarchyChange {
  unitKind: UnitKind;
  unitId: string;
  unitCode: string;
  change: 'created' | 'renamed' | 'moved' | 'merged' | 'absorbed' | 'split' | 'split-off';
  details: Record<string, unknown>;
  changedBy: string;
}

type Page = { offset: number; limit: number };

const communityColumns = `c.id, c.code, c.name, s.code AS "streetCode", s.name AS "streetName",
  s.district_code AS "districtCode", c.status, m.code AS "mergedIntoCode"`;
const communityFrom = `community c JOIN street s ON s.id = c.street_id LEFT JOIN community m ON m.id = c.merged_into`;

/** The communities a scope reaches, optionally of one street, the merged ones only when asked. */
function communitiesStatement(
  scope: OrganisationScope,
  filter: { streetCode?: string; includeMerged: boolean; afterCode?: string },
): { sql: string; orderBy: string; parameters: unknown[] } {
  const conditions = ['s.district_code = $1'];
  const parameters: unknown[] = [scope.districtCode];
  if (scope.communityIds) {
    parameters.push(scope.communityIds);
    conditions.push(`c.id = ANY($${parameters.length}::uuid[])`);
  } else if (scope.streetCodes) {
    parameters.push(scope.streetCodes);
    conditions.push(`s.code = ANY($${parameters.length}::text[])`);
  }
  if (filter.streetCode) {
    parameters.push(filter.streetCode);
    conditions.push(`s.code = $${parameters.length}`);
  }
  if (!filter.includeMerged) conditions.push(`c.status = 'active'`);
  // Keyset paging: the page starts after the cursor's code, read from community's code index.
  if (filter.afterCode !== undefined) {
    parameters.push(filter.afterCode);
    conditions.push(`c.code > $${parameters.length}`);
  }
  return {
    sql: `SELECT ${communityColumns} FROM ${communityFrom} WHERE ${conditions.join(' AND ')}`,
    orderBy: 'c.code',
    parameters,
  };
}

/** Streets, communities and grids of the district hierarchy, and the history of their changes. */
@Injectable()
export class OrganisationUnitsRepository {
  /** Plain SQL: it runs in every community's creation, where TypeORM's query builder cost more than the query. */
  async findStreetByCode(tx: Transaction, code: string): Promise<StreetEntity | null> {
    const rows: StreetEntity[] = await queryRows(
      tx,
      `SELECT id, code, name, district_code AS "districtCode", created_at AS "createdAt" FROM street WHERE code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /**
   * Codes are unique across streets, communities and grids, so one code names one unit. An advisory
   * lock on the code serialises concurrent creators; each table's unique index backs it up.
   */
  async claimCode(tx: Transaction, code: string): Promise<boolean> {
    await queryRows(tx, "SELECT pg_advisory_xact_lock(hashtext('unit-code:' || $1))", [code]);
    const rows: unknown[] = await queryRows(
      tx,
      `SELECT 1 FROM street WHERE code = $1 UNION ALL SELECT 1 FROM community WHERE code = $1
       UNION ALL SELECT 1 FROM grid WHERE code = $1`,
      [code],
    );
    return rows.length === 0;
  }

  /** Inserts; returns false when the code is already used by any unit. */
  async insertStreet(tx: Transaction, street: Omit<StreetEntity, 'createdAt'>): Promise<boolean> {
    if (!(await this.claimCode(tx, street.code))) return false;
    await entityManagerOf(tx).query('INSERT INTO street (id, code, name, district_code) VALUES ($1, $2, $3, $4)', [
      street.id,
      street.code,
      street.name,
      street.districtCode,
    ]);
    return true;
  }

  async insertCommunity(
    tx: Transaction,
    community: { id: string; code: string; name: string; streetId: string },
  ): Promise<boolean> {
    if (!(await this.claimCode(tx, community.code))) return false;
    await entityManagerOf(tx).query('INSERT INTO community (id, code, name, street_id) VALUES ($1, $2, $3, $4)', [
      community.id,
      community.code,
      community.name,
      community.streetId,
    ]);
    return true;
  }

  async insertGrid(
    tx: Transaction,
    grid: { id: string; code: string; name: string; communityId: string },
  ): Promise<boolean> {
    if (!(await this.claimCode(tx, grid.code))) return false;
    await entityManagerOf(tx).query('INSERT INTO grid (id, code, name, community_id) VALUES ($1, $2, $3, $4)', [
      grid.id,
      grid.code,
      grid.name,
      grid.communityId,
    ]);
    return true;
  }

  async findCommunity(tx: Transaction, id: string): Promise<CommunityView | null> {
    const rows: CommunityView[] = await queryRows(
      tx,
      `SELECT ${communityColumns} FROM ${communityFrom} WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The streets of the scope's district, only its own streets for a street-scoped caller. */
  async listStreets(
    tx: Transaction,
    scope: OrganisationScope,
    page: Page,
  ): Promise<{ items: { id: string; code: string; name: string; communityCount: number }[]; total: number }> {
    return selectPage(
      tx,
      {
        sql: `SELECT s.id, s.code, s.name,
                (SELECT count(*)::int FROM community c WHERE c.street_id = s.id AND c.status = 'active') AS "communityCount"
              FROM street s WHERE s.district_code = $1 AND ($2::text[] IS NULL OR s.code = ANY($2::text[]))`,
        orderBy: 's.code',
        parameters: [scope.districtCode, scope.streetCodes ?? null],
      },
      page,
    );
  }

  /** Every community a scope reaches, for reports that count over all of them. */
  async listCommunities(
    tx: Transaction,
    scope: OrganisationScope,
    filter: { streetCode?: string; includeMerged: boolean },
  ): Promise<CommunityView[]> {
    const { sql, orderBy, parameters } = communitiesStatement(scope, filter);
    return entityManagerOf(tx).query(`${sql} ORDER BY ${orderBy}`, parameters);
  }

  /** A page of the communities a scope reaches. */
  async listCommunitiesPage(
    tx: Transaction,
    scope: OrganisationScope,
    filter: { streetCode?: string; includeMerged: boolean; afterCode?: string },
    page: Page,
  ): Promise<{ items: CommunityView[]; total: number }> {
    return selectPage(tx, communitiesStatement(scope, filter), page);
  }

  async listGrids(
    tx: Transaction,
    communityId: string,
    page: Page,
  ): Promise<{ items: { id: string; code: string; name: string }[]; total: number }> {
    return selectPage(
      tx,
      { sql: 'SELECT id, code, name FROM grid WHERE community_id = $1', orderBy: 'code', parameters: [communityId] },
      page,
    );
  }

  /** Any unit by its code, with the chain above it; locks the code so changes to one unit run in turn. */
  async findUnitByCode(tx: Transaction, code: string): Promise<StoredUnit | null> {
    await queryRows(tx, "SELECT pg_advisory_xact_lock(hashtext('unit-code:' || $1))", [code]);
    const rows: {
      kind: 'street' | 'community' | 'grid';
      id: string;
      code: string;
      name: string;
      status: 'active' | 'merged';
      districtCode: string;
      streetCode: string | null;
      communityCode: string | null;
      parentId: string | null;
    }[] = await queryRows(
      tx,
      `SELECT 'street' AS kind, s.id, s.code, s.name, 'active' AS status, s.district_code AS "districtCode",
              NULL::text AS "streetCode", NULL::text AS "communityCode", NULL::uuid AS "parentId"
       FROM street s WHERE s.code = $1
       UNION ALL
       SELECT 'community', c.id, c.code, c.name, c.status, s.district_code, s.code, NULL::text, s.id
       FROM community c JOIN street s ON s.id = c.street_id WHERE c.code = $1
       UNION ALL
       SELECT 'grid', g.id, g.code, g.name, c.status, s.district_code, s.code, c.code, c.id
       FROM grid g JOIN community c ON c.id = g.community_id JOIN street s ON s.id = c.street_id WHERE g.code = $1`,
      [code],
    );
    const row = rows[0];
    if (!row) return null;
    const ancestors: PlacedUnit['ancestors'] = [{ kind: 'district', code: row.districtCode }];
    if (row.streetCode) ancestors.push({ kind: 'street', code: row.streetCode });
    if (row.communityCode) ancestors.push({ kind: 'community', code: row.communityCode });
    return {
      kind: row.kind,
      id: row.id,
      code: row.code,
      name: row.name,
      status: row.status,
      districtCode: row.districtCode,
      parentId: row.parentId,
      ancestors,
    };
  }

  async rename(tx: Transaction, kind: 'street' | 'community' | 'grid', id: string, name: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE ${kind} SET name = $2 WHERE id = $1`, [id, name]);
  }

  async moveCommunity(tx: Transaction, communityId: string, streetId: string): Promise<void> {
    await entityManagerOf(tx).query('UPDATE community SET street_id = $2 WHERE id = $1', [communityId, streetId]);
  }

  async moveGrids(tx: Transaction, gridIds: string[], communityId: string): Promise<void> {
    await entityManagerOf(tx).query('UPDATE grid SET community_id = $2 WHERE id = ANY($1::uuid[])', [
      gridIds,
      communityId,
    ]);
  }

  async findGridsByCode(
    tx: Transaction,
    codes: string[],
  ): Promise<{ id: string; code: string; communityId: string }[]> {
    return queryRows(tx, 'SELECT id, code, community_id AS "communityId" FROM grid WHERE code = ANY($1::text[])', [
      codes,
    ]);
  }

  /**
   * The source community stops existing on its own: its grids, resident units and alliance members go
   * to the survivor. Its row stays, marked merged, so history and old references still resolve.
   */
  async mergeCommunity(tx: Transaction, sourceId: string, survivorId: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE community SET status = 'merged', merged_into = $2 WHERE id = $1`, [
      sourceId,
      survivorId,
    ]);
    await entityManagerOf(tx).query('UPDATE grid SET community_id = $2 WHERE community_id = $1', [
      sourceId,
      survivorId,
    ]);
    await entityManagerOf(tx).query('UPDATE resident_unit SET community_id = $2 WHERE community_id = $1', [
      sourceId,
      survivorId,
    ]);
    await entityManagerOf(tx).query(
      `INSERT INTO alliance_member (community_id, resident_unit_id, joined_on)
       SELECT $2, resident_unit_id, joined_on FROM alliance_member WHERE community_id = $1
       ON CONFLICT DO NOTHING`,
      [sourceId, survivorId],
    );
    await entityManagerOf(tx).query('DELETE FROM alliance_member WHERE community_id = $1', [sourceId]);
  }

  async recordChange(tx: Transaction, change: HierarchyChange): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO hierarchy_change (unit_kind, unit_id, unit_code, change, details, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        change.unitKind,
        change.unitId,
        change.unitCode,
        change.change,
        JSON.stringify(change.details),
        change.changedBy,
      ],
    );
  }

  async history(
    tx: Transaction,
    unitCode: string,
  ): Promise<(Omit<HierarchyChange, 'unitId'> & { changedAt: string })[]> {
    return queryRows(
      tx,
      `SELECT unit_kind AS "unitKind", unit_code AS "unitCode", change, details, changed_by AS "changedBy",
              changed_at AS "changedAt"
       FROM hierarchy_change WHERE unit_code = $1 ORDER BY id`,
      [unitCode],
    );
  }
}
