/** TypeORM answers UPDATE/DELETE ... RETURNING with [rows, count], and INSERT/SELECT with the rows. */
export function returningRows<T>(result: unknown): T[] {
  const list = result as unknown[];
  if (list.length === 2 && Array.isArray(list[0]) && typeof list[1] === 'number') return list[0] as T[];
  return list as T[];
}
