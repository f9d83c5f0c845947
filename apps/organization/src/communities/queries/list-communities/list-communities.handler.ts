import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { type CommunityView, OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { ListCommunitiesQuery } from './list-communities.query.js';

@QueryHandler(ListCommunitiesQuery)
export class ListCommunitiesHandler implements IQueryHandler<ListCommunitiesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListCommunitiesQuery): Promise<{ items: CommunityView[] }> {
    const items = await this.units.listCommunities(this.transactions.reader, query.actor.scope, {
      ...(query.streetCode ? { streetCode: query.streetCode } : {}),
      includeMerged: query.includeMerged,
    });
    return { items };
  }
}
