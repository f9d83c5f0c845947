import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { type CommunityCoBuilding, ListJointMeetingsQuery } from './list-joint-meetings.query.js';

/** A community's alliance members and the joint meetings it held. */
@QueryHandler(ListJointMeetingsQuery)
export class ListJointMeetingsHandler implements IQueryHandler<ListJointMeetingsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(query: ListJointMeetingsQuery): Promise<CommunityCoBuilding> {
    const reader = this.transactions.reader;
    const community = await communityInScope(this.units, reader, query.communityId, query.actor);
    return {
      meetings: await this.coBuilding.listMeetings(reader, community.id),
      allianceMembers: await this.coBuilding.allianceMembers(reader, community.id),
    };
  }
}
