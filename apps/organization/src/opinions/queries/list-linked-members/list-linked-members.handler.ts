import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { type LinkedMemberView, OpinionsRepository } from '../../persistence/opinions.repository.js';
import { ListLinkedMembersQuery } from './list-linked-members.query.js';

/** The agency party members linked to a community (挂钩社区), for its secretary and the district. */
@QueryHandler(ListLinkedMembersQuery)
export class ListLinkedMembersHandler implements IQueryHandler<ListLinkedMembersQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  async execute(query: ListLinkedMembersQuery): Promise<{ items: LinkedMemberView[] }> {
    const tx = this.transactions.reader;
    const community = await this.units.findCommunity(tx, query.communityId);
    if (!community || !reachesCommunity(query.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('community', query.communityId);
    }
    return { items: await this.opinions.linkedMembers(tx, { communityId: query.communityId }) };
  }
}
