/** One field's move in a worker's history: what it was and what it became. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields of `next` that differ from `current`, compared by value (arrays and dates included). */
export function diffFields<T extends object>(current: T, next: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(next)) {
    if (to === undefined) continue;
    const from = (current as Record<string, unknown>)[field];
    // A field that had no value is recorded as null: JSON keeps the entry, so the history shows it was empty.
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from: from ?? null, to };
  }
  return changes;
}
