import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Principal, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { addDemands, emptyMonth } from '../../domain/community-demand.js';
import { CommunityDemandsRepository } from '../../persistence/community-demands.repository.js';
import {
  type CommunityDemandsFilter,
  type CommunityMonthDemands,
  GetCommunityDemandsQuery,
} from './get-community-demands.query.js';

/**
 * The demands on the communities a caller's scope reaches, per community and month, from the rows admission's
 * events left; a department's own staff see only their department's. Only months with a demand appear.
 */
export async function communityMonths(
  transactions: TransactionRunner,
  units: OrganisationUnitsRepository,
  demands: CommunityDemandsRepository,
  actor: Principal,
  filter: CommunityDemandsFilter,
): Promise<CommunityMonthDemands[]> {
  const tx = transactions.reader;
  const communities = (
    await units.listCommunities(tx, actor.scope, {
      ...(filter.streetCode ? { streetCode: filter.streetCode } : {}),
      includeMerged: true,
    })
  ).filter((community) => !filter.communityId || community.id === filter.communityId);
  const counted = await demands.counted(tx, {
    from: filter.from,
    to: filter.to,
    communityIds: communities.map((community) => community.id),
    ...(actor.scope.departmentId ? { departmentId: actor.scope.departmentId } : {}),
  });
  const byKey = new Map<string, CommunityMonthDemands>();
  const byId = new Map(communities.map((community) => [community.id, community]));
  for (const row of counted) {
    const community = byId.get(row.communityId)!;
    const key = `${row.communityId}|${row.month}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        communityId: community.id,
        code: community.code,
        name: community.name,
        streetCode: community.streetCode,
        streetName: community.streetName,
        ...emptyMonth(row.month),
      };
      byKey.set(key, entry);
    }
    addDemands(entry, row);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) || a.code.localeCompare(b.code) || a.communityId.localeCompare(b.communityId),
  );
}

@QueryHandler(GetCommunityDemandsQuery)
export class GetCommunityDemandsHandler implements IQueryHandler<GetCommunityDemandsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly demands: CommunityDemandsRepository,
  ) {}

  async execute(query: GetCommunityDemandsQuery): Promise<CommunityMonthDemands[]> {
    return communityMonths(this.transactions, this.units, this.demands, query.actor, query.filter);
  }
}
