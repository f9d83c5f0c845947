import type { Transaction } from '@jianfu/platform';
import { queryRows } from '@jianfu/platform/persistence';

const plainSelect = /^\s*SELECT\s+(?!DISTINCT\b)/i;

/**
 * One page of a list query and the count of all its rows, in one statement: the count is a window over the same
 * rows (`count(*) OVER ()` is taken before OFFSET and LIMIT), so filters can never drift between the page and its
 * total, and a list costs one round trip to Postgres, not two. Only a page past the end (no row to carry the
 * count) asks for the count on its own. The statement must be a plain `SELECT` (no DISTINCT, whose rows the window
 * would count before they are made distinct).
 */
export async function selectPage<T>(
  tx: Transaction,
  statement: { sql: string; orderBy: string; parameters: unknown[] },
  page: { offset: number; limit: number },
): Promise<{ items: T[]; total: number }> {
  const { sql, orderBy, parameters } = statement;
  if (!plainSelect.test(sql)) throw new Error('selectPage needs a plain SELECT statement');
  const rows = await queryRows<T & { __total: number }>(
    tx,
    `${sql.replace(plainSelect, 'SELECT count(*) OVER ()::int AS "__total", ')} ORDER BY ${orderBy} ` +
      `OFFSET $${parameters.length + 1} LIMIT $${parameters.length + 2}`,
    [...parameters, page.offset, page.limit],
  );
  if (rows.length === 0 && page.offset > 0) {
    const counted = await queryRows<{ total: number }>(tx, `SELECT count(*)::int AS total FROM (${sql}) AS listed`, [
      ...parameters,
    ]);
    return { items: [], total: counted[0]?.total ?? 0 };
  }
  const items = rows.map(({ __total: _total, ...item }) => item as T);
  return { items, total: rows[0]?.__total ?? 0 };
}
