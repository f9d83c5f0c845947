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

export interface CommunityDemandsFilter {
  /** Months `YYYY-MM`, both included. */
  from: string;
  to: string;
  streetCode?: string;
  communityId?: string;
}

/** Demands on each community per month (tasks, meetings, ledgers, seals, plaques; admitted and refused). */
export class GetCommunityDemandsQuery extends Query<CommunityMonthDemands[]> {
  constructor(
    readonly actor: Principal,
    readonly filter: CommunityDemandsFilter,
  ) {
    super();
  }
}
