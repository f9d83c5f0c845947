import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { PartyOrganisationsRepository } from '../../persistence/party-organisations.repository.js';
import type { UpgradeRequest } from '../../domain/party-organisation.js';
import { GetUpgradeRequestQuery } from './get-upgrade-request.query.js';

@QueryHandler(GetUpgradeRequestQuery)
export class GetUpgradeRequestHandler implements IQueryHandler<GetUpgradeRequestQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: PartyOrganisationsRepository,
  ) {}

  async execute(query: GetUpgradeRequestQuery): Promise<UpgradeRequest> {
    const request = await this.partyOrganisations.findRequest(this.transactions.reader, query.requestId);
    const community = request && (await this.units.findCommunity(this.transactions.reader, request.communityId));
    if (!request || !community || !reachesCommunity(query.actor, { ...community, communityId: community.id })) {
      throw new NotFoundError('upgrade-request', query.requestId);
    }
    return request;
  }
}
