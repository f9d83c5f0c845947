import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { MonthlyDemands } from '../../domain/community-demand.js';

export interface CommunityMonthDemands extends MonthlyDemands {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
}

export interface StreetMonthDemands extends MonthlyDemands {
  streetCode: string;
  streetName: string;
  /** Communities of the street with a demand that month. */
  communities: number;
}

export interface CommunityDemandsFilter {
  /** Months `YYYY-MM`, both included. */
  from: string;
  to: string;
  streetCode?: string;
  communityId?: string;
}

/** Demands on each community per month (tasks, meetings, ledgers, seals, plaques; admitted and refused). */
export class CommunityDemandsReportQuery extends Query<CommunityMonthDemands[]> {
  constructor(
    readonly actor: Principal,
    readonly filter: CommunityDemandsFilter,
  ) {
    super();
  }
}

/** The same figures summed per street and month (the street roll-up). */
export class StreetDemandsReportQuery extends Query<StreetMonthDemands[]> {
  constructor(
    readonly actor: Principal,
    readonly filter: Omit<CommunityDemandsFilter, 'communityId'>,
  ) {
    super();
  }
}
