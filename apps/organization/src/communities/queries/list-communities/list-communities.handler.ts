import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { type CommunityView, OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { ListCommunitiesQuery } from './list-communities.query.js';

@QueryHandler(ListCommunitiesQuery)
export class ListCommunitiesHandler implements IQueryHandler<ListCommunitiesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListCommunitiesQuery): Promise<Page<CommunityView>> {
    const { items, total } = await this.units.listCommunitiesPage(
      this.transactions.reader,
      query.actor.scope,
      { ...(query.streetCode ? { streetCode: query.streetCode } : {}), includeMerged: query.includeMerged },
      query.page,
    );
    return toPage(items, total, query.page);
  }
}
