import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { CatalogueItem } from '../domain/catalogue-item.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface CatalogueVersion {
  districtCode: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  /** The second reviewer who approved it; null for versions published before four-eyes publication. */
  approvedBy: string | null;
  note: string | null;
  itemCount: number;
}

interface ItemRow {
  code: string;
  name: string;
  category: CatalogueItem['category'];
  legal_basis: string;
  owning_department: string;
  funding_standard_fen: string;
  allowed_ledgers: string[];
  evaluation_allowed: boolean;
}

const toItem = (row: ItemRow): CatalogueItem => ({
  code: row.code,
  name: row.name,
  category: row.category,
  legalBasis: row.legal_basis,
  owningDepartment: row.owning_department,
  fundingStandardFen: fenOf(row.funding_standard_fen),
  allowedLedgers: row.allowed_ledgers,
  evaluationAllowed: row.evaluation_allowed,
});

@Injectable()
export class CatalogueRepository {
  /** Items of published versions already read (see `item`), by district, version and code. */
  private readonly publishedItems = new Map<string, CatalogueItem>();

  /**
   * Appends the next version of a district's catalogue, proposed by `publishedBy` and approved by `approvedBy`;
   * earlier versions stay as they were.
   */
  async publish(
    tx: Transaction,
    districtCode: string,
    items: CatalogueItem[],
    authors: { publishedBy: string; approvedBy: string },
    note: string | null,
  ): Promise<CatalogueVersion> {
    const { publishedBy, approvedBy } = authors;
    // Serialises publications per district so two imports never claim the same version number.
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`catalogue:${districtCode}`]);
    const [{ next }] = await queryRows<{ next: number }>(
      tx,
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM catalogue_version WHERE district_code = $1',
      [districtCode],
    );
    const [row] = await entityManagerOf(tx).query<{ published_at: Date }[]>(
      `INSERT INTO catalogue_version (district_code, version, published_by, approved_by, note, item_count)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING published_at`,
      [districtCode, next, publishedBy, approvedBy, note, items.length],
    );
    for (const item of items) {
      await entityManagerOf(tx).query(
        `INSERT INTO catalogue_item (district_code, version, code, name, category, legal_basis, owning_department,
           funding_standard_fen, allowed_ledgers, evaluation_allowed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          districtCode,
          next,
          item.code,
          item.name,
          item.category,
          item.legalBasis,
          item.owningDepartment,
          item.fundingStandardFen,
          item.allowedLedgers,
          item.evaluationAllowed,
        ],
      );
    }
    return {
      districtCode,
      version: next,
      publishedAt: row.published_at,
      publishedBy,
      approvedBy,
      note,
      itemCount: items.length,
    };
  }

  /** The district's published versions, newest first, one page at a time. */
  async versions(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: CatalogueVersion[]; total: number }> {
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      'SELECT count(*)::int AS total FROM catalogue_version WHERE district_code = $1',
      [districtCode],
    );
    const items = await queryRows<CatalogueVersion>(
      tx,
      `SELECT district_code AS "districtCode", version, published_at AS "publishedAt", published_by AS "publishedBy",
              approved_by AS "approvedBy", note, item_count AS "itemCount"
       FROM catalogue_version WHERE district_code = $1 ORDER BY version DESC OFFSET $2 LIMIT $3`,
      [districtCode, page.offset, page.limit],
    );
    return { items, total };
  }

  async currentVersion(tx: Transaction, districtCode: string): Promise<number | null> {
    const [row] = await queryRows<{ version: number | null }>(
      tx,
      'SELECT MAX(version) AS version FROM catalogue_version WHERE district_code = $1',
      [districtCode],
    );
    return row?.version ?? null;
  }

  async items(tx: Transaction, districtCode: string, version: number): Promise<CatalogueItem[]> {
    const rows = await queryRows<ItemRow>(
      tx,
      'SELECT * FROM catalogue_item WHERE district_code = $1 AND version = $2 ORDER BY code',
      [districtCode, version],
    );
    return rows.map(toItem);
  }

  /**
   * One item of a published version. A published version never changes (the table's trigger refuses edits), so an
   * item found is kept: every read of a submission shows its item, and a reviewer's screen polls it.
   */
  async item(tx: Transaction, districtCode: string, version: number, code: string): Promise<CatalogueItem | null> {
    const key = `${districtCode}\u0000${version}\u0000${code}`;
    let item = this.publishedItems.get(key);
    if (!item) {
      const [row] = await queryRows<ItemRow>(
        tx,
        'SELECT * FROM catalogue_item WHERE district_code = $1 AND version = $2 AND code = $3',
        [districtCode, version, code],
      );
      if (!row) return null;
      item = toItem(row);
      // Kept only when read outside a transaction, so committed: inside one, it could be a version being published
      // by a transaction that still rolls back. Bounded: a district's catalogue has hundreds of items.
      if (entityManagerOf(tx).queryRunner === undefined) {
        if (this.publishedItems.size >= 10_000) this.publishedItems.clear();
        this.publishedItems.set(key, item);
      }
    }
    // A copy: what a caller does with its answer never reaches the next caller's.
    return { ...item, allowedLedgers: [...item.allowedLedgers] };
  }

  async evaluationItemCount(tx: Transaction, districtCode: string, version: number): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      tx,
      'SELECT count(*)::int AS n FROM catalogue_item WHERE district_code = $1 AND version = $2 AND evaluation_allowed',
      [districtCode, version],
    );
    return row.n;
  }
}
