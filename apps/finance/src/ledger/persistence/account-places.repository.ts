import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { queryRows } from '@jianfu/platform/persistence';
import type { AccountKind } from '../domain/account.js';
import type { AccountPlace } from '../domain/account-place.js';

interface PlacedCommunity {
  owner_id: string;
  community_id: string;
  street_code: string;
  district_code: string;
}

/**
 * Places accounts in the organisation from finance's own records: the community directory, the
 * department directory (or, for a department finance has not heard of, its budget's district), the
 * co-building receipts of a resident unit and the payout batches of a worker.
 */
@Injectable()
export class AccountPlacesRepository {
  async placesOf(
    tx: Transaction,
    accounts: readonly { id: string; kind: AccountKind; ownerId: string }[],
  ): Promise<Map<string, AccountPlace[]>> {
    const owners = (kinds: AccountKind[]) => [
      ...new Set(accounts.filter((a) => kinds.includes(a.kind)).map((a) => a.ownerId)),
    ];
    const communityKinds: AccountKind[] = [
      'community-base',
      'community-party-building',
      'community-task',
      'community-co-building',
      'community-spending',
    ];
    // One after another: the caller's transaction is one connection.
    const communities = await this.communities(tx, owners(communityKinds));
    const departments = await this.departments(tx, owners(['department-available', 'department-reserved']));
    const units = await this.residentUnits(tx, owners(['resident-unit']));
    const workers = await this.workers(tx, owners(['worker-payout']));
    const byOwner = new Map<string, AccountPlace[]>();
    const add = (ownerId: string, place: AccountPlace) =>
      byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), place]);
    for (const row of [...communities, ...units, ...workers]) {
      add(row.owner_id, {
        kind: 'community',
        communityId: row.community_id,
        streetCode: row.street_code,
        districtCode: row.district_code,
      });
    }
    for (const row of departments) {
      add(row.owner_id, { kind: 'department', departmentId: row.owner_id, districtCode: row.district_code });
    }
    const places = new Map<string, AccountPlace[]>();
    for (const account of accounts) {
      places.set(
        account.id,
        account.kind === 'district-treasury'
          ? [{ kind: 'district', districtCode: account.ownerId }]
          : (byOwner.get(account.ownerId) ?? []),
      );
    }
    const unplaced = [...places].filter(([, found]) => found.length === 0).map(([id]) => id);
    for (const row of await this.fundingTreasuries(tx, unplaced)) {
      places.get(row.account_id)!.push({ kind: 'district', districtCode: row.district_code });
    }
    return places;
  }

  /**
   * What people call the accounts' owners (a community, a department, a resident unit) and the tasks they hold money
   * for, as finance's own records name them; keyed by owner id, and by `task:<taskId>` for a task's title. An id
   * finance has no name for is not in the map. One statement, one snapshot.
   */
  async namesOf(
    tx: Transaction,
    accounts: readonly { kind: AccountKind; ownerId: string; taskId?: string }[],
    /** Other ids to name (a transfer's reference): as an owner and as a task. */
    others: readonly string[] = [],
  ): Promise<Map<string, string>> {
    const ownerIds = accounts.filter((a) => a.kind !== 'district-treasury').map((a) => a.ownerId);
    const owners = [...new Set([...ownerIds, ...others])];
    const tasks = [...new Set([...accounts.flatMap((a) => (a.taskId ? [a.taskId] : [])), ...others])];
    if (owners.length === 0 && tasks.length === 0) return new Map();
    const rows = await queryRows<{ key: string; name: string }>(
      tx,
      `SELECT community_id::text AS key, name FROM directory_community WHERE community_id::text = ANY($1::text[])
       UNION ALL
       SELECT department_id::text, name FROM directory_department WHERE department_id::text = ANY($1::text[])
       UNION ALL
       (SELECT DISTINCT ON (unit_id) unit_id::text, unit_name FROM co_building_receipt
         WHERE unit_id::text = ANY($1::text[]) ORDER BY unit_id, recorded_at DESC)
       UNION ALL
       (SELECT DISTINCT ON (task_id) 'task:' || task_id::text, title FROM task_fund_transfer
         WHERE task_id::text = ANY($2::text[]) ORDER BY task_id, period DESC)`,
      [owners, tasks],
    );
    return new Map(rows.map((row) => [row.key, row.name]));
  }

  /**
   * The districts whose treasury moved money into or out of an account: how an account is placed whose
   * owner finance has not heard of yet (an organization event still on its way). Such an account is then
   * for that district's district-wide users only.
   */
  private async fundingTreasuries(
    tx: Transaction,
    accountIds: string[],
  ): Promise<{ account_id: string; district_code: string }[]> {
    if (accountIds.length === 0) return [];
    return queryRows(
      tx,
      `SELECT DISTINCT p.account_id, t.owner_id AS district_code
       FROM ledger_posting p
       JOIN ledger_posting other ON other.transfer_id = p.transfer_id
       JOIN ledger_account t ON t.id = other.account_id AND t.kind = 'district-treasury'
       WHERE p.account_id = ANY($1::text[])`,
      [accountIds],
    );
  }

  private async communities(tx: Transaction, ids: string[]): Promise<PlacedCommunity[]> {
    if (ids.length === 0) return [];
    return queryRows(
      tx,
      `SELECT community_id::text AS owner_id, community_id, street_code, district_code
       FROM directory_community WHERE community_id::text = ANY($1::text[])`,
      [ids],
    );
  }

  private async departments(tx: Transaction, ids: string[]): Promise<{ owner_id: string; district_code: string }[]> {
    if (ids.length === 0) return [];
    return queryRows(
      tx,
      `SELECT DISTINCT ON (owner_id) owner_id, district_code FROM (
         SELECT department_id::text AS owner_id, district_code, 0 AS preference FROM directory_department
         WHERE department_id::text = ANY($1::text[])
         UNION ALL
         SELECT department_id::text, district_code, 1 FROM department_budget WHERE department_id::text = ANY($1::text[])
       ) known ORDER BY owner_id, preference`,
      [ids],
    );
  }

  private async residentUnits(tx: Transaction, ids: string[]): Promise<PlacedCommunity[]> {
    if (ids.length === 0) return [];
    return queryRows(
      tx,
      `SELECT DISTINCT r.unit_id::text AS owner_id, c.community_id, c.street_code, c.district_code
       FROM co_building_receipt r JOIN directory_community c ON c.community_id = r.community_id
       WHERE r.unit_id::text = ANY($1::text[])`,
      [ids],
    );
  }

  private async workers(tx: Transaction, ids: string[]): Promise<PlacedCommunity[]> {
    if (ids.length === 0) return [];
    return queryRows(
      tx,
      `SELECT DISTINCT line->>'workerId' AS owner_id, c.community_id, c.street_code, c.district_code
       FROM payout_batch b CROSS JOIN LATERAL jsonb_array_elements(b.lines) line
       JOIN directory_community c ON c.community_id = b.community_id
       WHERE line->>'workerId' = ANY($1::text[])`,
      [ids],
    );
  }
}
