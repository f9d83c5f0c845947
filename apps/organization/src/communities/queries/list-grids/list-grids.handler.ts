import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { ListGridsQuery } from './list-grids.query.js';

@QueryHandler(ListGridsQuery)
export class ListGridsHandler implements IQueryHandler<ListGridsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListGridsQuery): Promise<{ items: { id: string; code: string; name: string }[] }> {
    const community = await this.units.findCommunity(this.transactions.reader, query.communityId);
    if (!community || !reachesCommunity(query.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('community', query.communityId);
    }
    return { items: await this.units.listGrids(this.transactions.reader, query.communityId) };
  }
}
