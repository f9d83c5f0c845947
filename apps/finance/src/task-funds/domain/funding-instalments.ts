import type { CommunityFunding, FundingPeriod } from '@jianfu/contracts';

/** One period of a recurring task's funding: its key (`2027-03`, `2027-Q1`, `2027`) and its first and last day. */
export interface FundingInstalment {
  period: string;
  start: string;
  end: string;
}

const day = 24 * 3600 * 1000;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last day of the month, quarter or year a day falls in, and that bucket's key. */
function bucketOf(date: Date, fundingPeriod: FundingPeriod): { period: string; last: Date } {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (fundingPeriod === 'month') {
    return { period: `${year}-${String(month + 1).padStart(2, '0')}`, last: new Date(Date.UTC(year, month + 1, 0)) };
  }
  if (fundingPeriod === 'quarter') {
    const quarter = Math.floor(month / 3);
    return { period: `${year}-Q${quarter + 1}`, last: new Date(Date.UTC(year, quarter * 3 + 3, 0)) };
  }
  return { period: String(year), last: new Date(Date.UTC(year, 12, 0)) };
}

/**
 * The calendar months, quarters or years a task's period covers, the first and last cut to the period.
 * Pure and deterministic: the funding schedule workflow calls it.
 */
export function fundingInstalments(
  periodStart: string,
  periodEnd: string,
  fundingPeriod: FundingPeriod,
): FundingInstalment[] {
  const end = toDate(periodEnd);
  const instalments: FundingInstalment[] = [];
  for (let cursor = toDate(periodStart); cursor <= end;) {
    const bucket = bucketOf(cursor, fundingPeriod);
    const last = bucket.last < end ? bucket.last : end;
    instalments.push({ period: bucket.period, start: toIso(cursor), end: toIso(last) });
    cursor = new Date(last.getTime() + day);
  }
  return instalments;
}

/**
 * Instalment `index` of `count` of each community's whole-period amount, in whole fen: an even share, the
 * remainder going one fen at a time to the first instalments, so the instalments add up to the amount.
 * Communities whose share is 0 fen are left out (there is nothing to pay them this period).
 */
export function instalmentFunding(funding: CommunityFunding[], index: number, count: number): CommunityFunding[] {
  return funding
    .map((line) => ({
      communityId: line.communityId,
      amountFen: Math.floor(line.amountFen / count) + (index < line.amountFen % count ? 1 : 0),
    }))
    .filter((line) => line.amountFen > 0);
}

/** When an instalment's transfer starts: midnight China time of its first day (the first one at once). */
export function instalmentStartsAt(instalment: FundingInstalment): number {
  return new Date(`${instalment.start}T00:00:00+08:00`).getTime();
}
