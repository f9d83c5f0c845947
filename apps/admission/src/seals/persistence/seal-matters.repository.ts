import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { SealMatter, SealMatterVersion } from '../domain/seal-matter.js';

/** The 盖章证明事项清单: versioned per district, each version published whole and never rewritten. */
@Injectable()
export class SealMattersRepository {
  async publish(
    tx: Transaction,
    districtCode: string,
    items: SealMatter[],
    publishedBy: string,
    note: string | null,
  ): Promise<SealMatterVersion> {
    // Serialises publications per district so two never claim the same version number.
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`seal-matters:${districtCode}`]);
    const [{ next }] = await queryRows<{ next: number }>(
      tx,
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM seal_matter_version WHERE district_code = $1',
      [districtCode],
    );
    const [row] = await entityManagerOf(tx).query<{ published_at: Date }[]>(
      `INSERT INTO seal_matter_version (district_code, version, note, item_count, published_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING published_at`,
      [districtCode, next, note, items.length, publishedBy],
    );
    for (const item of items) {
      await entityManagerOf(tx).query(
        'INSERT INTO seal_matter (district_code, version, code, name, basis) VALUES ($1, $2, $3, $4, $5)',
        [districtCode, next, item.code, item.name, item.basis],
      );
    }
    return { districtCode, version: next, note, itemCount: items.length, publishedBy, publishedAt: row.published_at };
  }

  async currentVersion(tx: Transaction, districtCode: string): Promise<number | null> {
    const [row] = await queryRows<{ version: number | null }>(
      tx,
      'SELECT MAX(version) AS version FROM seal_matter_version WHERE district_code = $1',
      [districtCode],
    );
    return row.version;
  }

  async find(
    tx: Transaction,
    districtCode: string,
    version: number,
  ): Promise<(SealMatterVersion & { items: SealMatter[] }) | null> {
    const [head] = await queryRows<SealMatterVersion>(
      tx,
      `SELECT district_code AS "districtCode", version, note, item_count AS "itemCount", published_by AS "publishedBy",
              published_at AS "publishedAt"
       FROM seal_matter_version WHERE district_code = $1 AND version = $2`,
      [districtCode, version],
    );
    if (!head) return null;
    const items = await queryRows<SealMatter>(
      tx,
      'SELECT code, name, basis FROM seal_matter WHERE district_code = $1 AND version = $2 ORDER BY code',
      [districtCode, version],
    );
    return { ...head, items };
  }

  async findMatter(tx: Transaction, districtCode: string, version: number, code: string): Promise<SealMatter | null> {
    const [row] = await queryRows<SealMatter>(
      tx,
      'SELECT code, name, basis FROM seal_matter WHERE district_code = $1 AND version = $2 AND code = $3',
      [districtCode, version, code],
    );
    return row ?? null;
  }
}
