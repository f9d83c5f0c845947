import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import type { PartyOrganisationView } from '../../domain/party-organisation-view.js';
import { PartyOrganisationsRepository } from '../../persistence/party-organisations.repository.js';
import { GetPartyOrganisationQuery } from './get-party-organisation.query.js';
import { PartyOrganisationPresenter } from './party-organisation.presenter.js';

@QueryHandler(GetPartyOrganisationQuery)
export class GetPartyOrganisationHandler implements IQueryHandler<GetPartyOrganisationQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: PartyOrganisationsRepository,
    private readonly presenter: PartyOrganisationPresenter,
  ) {}

  async execute(query: GetPartyOrganisationQuery): Promise<PartyOrganisationView> {
    const reader = this.transactions.reader;
    const community = await this.units.findCommunity(reader, query.communityId);
    if (!community || !reachesCommunity(query.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('community', query.communityId);
    }
    const organisation = await this.partyOrganisations.find(reader, query.communityId);
    if (!organisation) throw new NotFoundError('party-organisation', query.communityId);
    return this.presenter.present(reader, community.districtCode, organisation);
  }
}
