/** One field that differs between two versions of a document: its dotted path, the old and the new value. */
export interface PolicyChange {
  path: string;
  from: unknown;
  to: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The fields that differ between two documents, leaf by leaf, in path order; absent fields are `null`. */
export function diffPolicyDocuments(from: unknown, to: unknown, path = ''): PolicyChange[] {
  if (isRecord(from) && isRecord(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((key) =>
      diffPolicyDocuments(from[key] ?? null, to[key] ?? null, path ? `${path}.${key}` : key),
    );
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ path: path || 'document', from, to }];
}
