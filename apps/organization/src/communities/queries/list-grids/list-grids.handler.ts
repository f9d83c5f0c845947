import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type Page, reachesCommunity, toPage, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { ListGridsQuery } from './list-grids.query.js';

@QueryHandler(ListGridsQuery)
export class ListGridsHandler implements IQueryHandler<ListGridsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListGridsQuery): Promise<Page<{ id: string; code: string; name: string }>> {
    const community = await this.units.findCommunity(this.transactions.reader, query.communityId);
    if (!community || !reachesCommunity(query.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('community', query.communityId);
    }
    const { items, total } = await this.units.listGrids(this.transactions.reader, query.communityId, query.page);
    return toPage(items, total, query.page);
  }
}
