import type { Transaction } from '@jianfu/platform';

/**
 * One page of a list query and the count of all its rows. The count runs over the same statement, so
 * filters can never drift between the page and its total.
 */
export async function selectPage<T>(
  tx: Transaction,
  statement: { sql: string; orderBy: string; parameters: unknown[] },
  page: { offset: number; limit: number },
): Promise<{ items: T[]; total: number }> {
  const { sql, orderBy, parameters } = statement;
  const counted: { total: number }[] = await tx.query(`SELECT count(*)::int AS total FROM (${sql}) AS listed`, [
    ...parameters,
  ]);
  const items: T[] = await tx.query(
    `${sql} ORDER BY ${orderBy} OFFSET $${parameters.length + 1} LIMIT $${parameters.length + 2}`,
    [...parameters, page.offset, page.limit],
  );
  return { items, total: counted[0]?.total ?? 0 };
}
