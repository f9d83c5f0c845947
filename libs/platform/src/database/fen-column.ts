/**
 * Reads an amount in fen back from a Postgres column. `pg` returns `bigint` and `numeric` columns (and sums over
 * them) as strings so that nothing is rounded on the way; an amount is a whole number of fen within 2^53, which
 * JSON and every client hold exactly. Anything else is refused here rather than rounded silently, since a rounded
 * fen is money lost or created.
 */
export function fenOf(value: string | number | bigint): number {
  const fen = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(fen) || (typeof value === 'string' && !/^-?\d+$/.test(value.trim()))) {
    throw new RangeError(`not a whole amount of fen within 2^53: ${String(value)}`);
  }
  return fen;
}

/** `fenOf` for a column that may be null (a sum over no rows, an optional amount). */
export function fenOrNullOf(value: string | number | bigint | null | undefined): number | null {
  return value === null || value === undefined ? null : fenOf(value);
}
