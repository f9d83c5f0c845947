import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { MonthlyDemands } from '../../domain/community-demand.js';
import type { CommunityDemandsFilter } from '../get-community-demands/get-community-demands.query.js';

export interface StreetMonthDemands extends MonthlyDemands {
  streetCode: string;
  streetName: string;
  /** Communities of the street with a demand that month. */
  communities: number;
}

/** The demands on communities (see GetCommunityDemandsQuery) summed per street and month: the street roll-up. */
export class GetStreetDemandsQuery extends Query<StreetMonthDemands[]> {
  constructor(
    readonly actor: Principal,
    readonly filter: Omit<CommunityDemandsFilter, 'communityId'>,
  ) {
    super();
  }
}
