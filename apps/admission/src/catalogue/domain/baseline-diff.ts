import type { CatalogueItem } from './catalogue-item.js';

export const removalReasons = ['cancelled', 'merged', 'returned-to-department'] as const;
export type RemovalReason = (typeof removalReasons)[number];

export interface RecordedRemoval {
  code: string;
  reason: RemovalReason;
  mergedInto: string | null;
  note: string | null;
}

export interface BaselineDiff {
  baselineVersion: number;
  version: number;
  baselineItemCount: number;
  itemCount: number;
  keptCount: number;
  removed: {
    code: string;
    name: string;
    reason: RemovalReason | 'unstated';
    mergedInto: string | null;
    note: string | null;
  }[];
  added: { code: string; name: string }[];
}

/** What a version removed from, and added to, the pre-reform baseline; each removal with its recorded reason. */
export function diffAgainstBaseline(
  baseline: { version: number; items: Pick<CatalogueItem, 'code' | 'name'>[] },
  current: { version: number; items: Pick<CatalogueItem, 'code' | 'name'>[] },
  reasons: RecordedRemoval[],
): BaselineDiff {
  const now = new Set(current.items.map((item) => item.code));
  const before = new Set(baseline.items.map((item) => item.code));
  const reasonOf = new Map(reasons.map((reason) => [reason.code, reason]));
  return {
    baselineVersion: baseline.version,
    version: current.version,
    baselineItemCount: baseline.items.length,
    itemCount: current.items.length,
    keptCount: baseline.items.filter((item) => now.has(item.code)).length,
    removed: baseline.items
      .filter((item) => !now.has(item.code))
      .map((item) => {
        const recorded = reasonOf.get(item.code);
        return {
          code: item.code,
          name: item.name,
          reason: recorded?.reason ?? 'unstated',
          mergedInto: recorded?.mergedInto ?? null,
          note: recorded?.note ?? null,
        };
      }),
    added: current.items.filter((item) => !before.has(item.code)).map(({ code, name }) => ({ code, name })),
  };
}
