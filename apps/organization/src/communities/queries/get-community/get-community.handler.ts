import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { type CommunityView, OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { GetCommunityQuery } from './get-community.query.js';

@QueryHandler(GetCommunityQuery)
export class GetCommunityHandler implements IQueryHandler<GetCommunityQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: GetCommunityQuery): Promise<CommunityView> {
    const community = await this.units.findCommunity(this.transactions.reader, query.communityId);
    // Out-of-scope communities answer like missing ones, so scope cannot be probed for existence.
    if (!community || !reachesCommunity(query.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('community', query.communityId);
    }
    return community;
  }
}
