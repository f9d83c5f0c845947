import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { OpinionsRepository } from '../../persistence/opinions.repository.js';
import { ListOpinionRequestsQuery } from './list-opinion-requests.query.js';

export type OpinionRequestListing = Awaited<ReturnType<OpinionsRepository['listWithTally']>>[number];

/**
 * For the organisation department and district leaders: the requests of the reader's scope, per department or only
 * the publicity windows open now, disagreements first. A district-wide reader sees the district's; a street's
 * reader (街道组织委员) only those that asked a community of their streets, by the scope every list of communities
 * uses; a department's reader only its own department's, as a single request is seen.
 */
@QueryHandler(ListOpinionRequestsQuery)
export class ListOpinionRequestsHandler implements IQueryHandler<ListOpinionRequestsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly opinions: OpinionsRepository,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListOpinionRequestsQuery): Promise<{ items: OpinionRequestListing[] }> {
    const tx = this.transactions.reader;
    const { scope } = query.actor;
    const communityIds =
      scope.streetCodes || scope.communityIds
        ? (await this.units.listCommunities(tx, scope, { includeMerged: true })).map((community) => community.id)
        : undefined;
    if (scope.departmentId && query.filter.departmentId && query.filter.departmentId !== scope.departmentId) {
      return { items: [] };
    }
    const departmentId = scope.departmentId ?? query.filter.departmentId;
    const items = await this.opinions.listWithTally(tx, {
      districtCode: scope.districtCode,
      ...(departmentId ? { departmentId } : {}),
      ...(communityIds ? { communityIds } : {}),
      openOnly: query.filter.openOnly,
      limit: 200,
    });
    return { items };
  }
}
