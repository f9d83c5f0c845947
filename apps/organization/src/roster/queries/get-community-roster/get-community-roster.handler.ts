import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { secretaryPosts } from '../../../party-organisations/domain/party-organisation-kind.js';
import { PartyOrganisationsRepository } from '../../../party-organisations/persistence/party-organisations.repository.js';
import { RosterRepository } from '../../persistence/roster.repository.js';
import { type CommunityRoster, GetCommunityRosterQuery } from './get-community-roster.query.js';

/** Who a community's secretary and workers are, as personnel announced them; read-only here. */
@QueryHandler(GetCommunityRosterQuery)
export class GetCommunityRosterHandler implements IQueryHandler<GetCommunityRosterQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: PartyOrganisationsRepository,
    private readonly roster: RosterRepository,
  ) {}

  async execute(query: GetCommunityRosterQuery): Promise<CommunityRoster> {
    const tx = this.transactions.reader;
    const community = await communityInScope(this.units, tx, query.communityId, query.actor);
    const organisation = await this.partyOrganisations.find(tx, community.id);
    const secretaryId = organisation?.secretaryWorkerId ?? null;
    const workers = await this.roster.ofCommunity(tx, community.id);
    return {
      communityId: community.id,
      code: community.code,
      name: community.name,
      partyOrganisation: organisation
        ? { kind: organisation.kind, secretaryPost: secretaryPosts[organisation.kind] }
        : null,
      secretary:
        organisation?.secretaryWorkerId && organisation.secretaryName && organisation.secretaryAppointedAt
          ? {
              workerId: organisation.secretaryWorkerId,
              name: organisation.secretaryName,
              appointedAt: organisation.secretaryAppointedAt.toISOString(),
            }
          : null,
      workers: workers.map((worker) => ({ ...worker, secretary: worker.workerId === secretaryId })),
    };
  }
}
