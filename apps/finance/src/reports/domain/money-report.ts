import type { ReportPeriod } from './report-period.js';

export type FundKey = 'baseOperating' | 'partyBuilding' | 'task' | 'coBuilding';
export type FundAmounts = Record<FundKey | 'total', number>;

export interface CommunityMoney {
  communityId: string;
  /** Money that reached each fund in the period, by source (net of reversals). */
  received: FundAmounts;
  /** Money spent from each fund in the period. */
  spent: FundAmounts;
  /** What each fund held at the end of the period. */
  balance: FundAmounts;
}

/** One allocation or top-up a community received, as its own line with its reason. */
export interface AllocationLine {
  transferId: string;
  purpose: 'base-allocation' | 'base-top-up' | 'party-building-allocation' | 'party-building-top-up';
  fund: FundKey;
  amountFen: number;
  reason: string | null;
  postedAt: Date;
}

export interface PeriodView {
  from: string;
  to: string;
}

export function periodView(period: ReportPeriod): PeriodView {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}

export type CommunityReport = CommunityMoney & { name: string; code: string; period: PeriodView };

/** One community's report also lists each allocation and top-up it received, with its reason. */
export type SingleCommunityReport = CommunityReport & { allocations: AllocationLine[] };

/** A community's code and name, for the lines of a download. */
export type CommunityNames = ReadonlyMap<string, { code: string; name: string }>;
