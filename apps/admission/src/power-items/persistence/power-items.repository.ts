import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { PowerItem } from '../domain/power-item.js';

export interface PowerItemVersion {
  districtCode: string;
  departmentId: string;
  version: number;
  note: string | null;
  itemCount: number;
  publishedBy: string;
  /** The second reviewer who approved it; null for versions published before four-eyes publication. */
  approvedBy: string | null;
  publishedAt: Date;
}

/** The 权力清单 of each department: versions published whole, never rewritten. */
@Injectable()
export class PowerItemsRepository {
  async publish(
    tx: Transaction,
    head: { districtCode: string; departmentId: string; note: string | null; publishedBy: string; approvedBy: string },
    items: PowerItem[],
  ): Promise<PowerItemVersion> {
    // Serialises publications per department so two never claim the same version number.
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`power-items:${head.departmentId}`]);
    const [{ next }] = await queryRows<{ next: number }>(
      tx,
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM power_item_version WHERE department_id = $1',
      [head.departmentId],
    );
    const [row] = await entityManagerOf(tx).query<{ published_at: Date }[]>(
      `INSERT INTO power_item_version (district_code, department_id, version, note, item_count, published_by,
         approved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING published_at`,
      [head.districtCode, head.departmentId, next, head.note, items.length, head.publishedBy, head.approvedBy],
    );
    for (const item of items) {
      await entityManagerOf(tx).query(
        `INSERT INTO power_item (department_id, version, code, name, status, decision_document)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [head.departmentId, next, item.code, item.name, item.status, item.decisionDocument],
      );
    }
    return { ...head, version: next, itemCount: items.length, publishedAt: row.published_at };
  }

  async currentVersion(tx: Transaction, departmentId: string): Promise<number | null> {
    const [row] = await queryRows<{ version: number | null }>(
      tx,
      'SELECT MAX(version) AS version FROM power_item_version WHERE department_id = $1',
      [departmentId],
    );
    return row.version;
  }

  async find(
    tx: Transaction,
    districtCode: string,
    departmentId: string,
    version: number,
  ): Promise<(PowerItemVersion & { items: PowerItem[]; cancelledCount: number }) | null> {
    const [head] = await queryRows<PowerItemVersion>(
      tx,
      `SELECT district_code AS "districtCode", department_id AS "departmentId", version, note, item_count AS "itemCount",
              published_by AS "publishedBy", approved_by AS "approvedBy", published_at AS "publishedAt"
       FROM power_item_version WHERE district_code = $1 AND department_id = $2 AND version = $3`,
      [districtCode, departmentId, version],
    );
    if (!head) return null;
    const items = await queryRows<PowerItem>(
      tx,
      `SELECT code, name, status, decision_document AS "decisionDocument"
       FROM power_item WHERE department_id = $1 AND version = $2 ORDER BY code`,
      [departmentId, version],
    );
    return { ...head, items, cancelledCount: items.filter((item) => item.status === 'cancelled').length };
  }

  /** The item a submission cites, in the department's current register; null when it has none or no such item. */
  async currentItem(
    tx: Transaction,
    departmentId: string,
    code: string,
  ): Promise<(PowerItem & { version: number }) | null> {
    const [row] = await queryRows<PowerItem & { version: number }>(
      tx,
      `SELECT i.code, i.name, i.status, i.decision_document AS "decisionDocument", i.version
       FROM power_item i
       WHERE i.department_id = $1 AND i.code = $2
         AND i.version = (SELECT MAX(version) FROM power_item_version WHERE department_id = $1)`,
      [departmentId, code],
    );
    return row ?? null;
  }
}
