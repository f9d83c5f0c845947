import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, NotFoundError, reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import type { PartyOrganisationView } from '../../domain/party-organisation-view.js';
import { PartyOrganisationsRepository } from '../../persistence/party-organisations.repository.js';
import { PartyOrganisationPresenter } from '../../queries/get-party-organisation/party-organisation.presenter.js';
import { SetMembershipCommand } from './set-membership.command.js';
import { HierarchyErrors } from '../../../communities/domain/communities.errors.js';

/**
 * Records the party organisation's current membership (党员人数), which an upgrade request is judged on.
 * An upgrade request awaiting decision keeps the count it was filed with.
 */
@CommandHandler(SetMembershipCommand)
export class SetMembershipHandler implements ICommandHandler<SetMembershipCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: PartyOrganisationsRepository,
    private readonly presenter: PartyOrganisationPresenter,
  ) {}

  async execute(command: SetMembershipCommand): Promise<PartyOrganisationView> {
    return this.transactions.run(async (tx) => {
      const community = await this.units.findCommunity(tx, command.communityId);
      if (!community || !reachesCommunity(command.actor, { ...community, communityId: community.id })) {
        throw new NotFoundError('community', command.communityId);
      }
      if (community.status !== 'active') {
        throw DomainError.of(
          HierarchyErrors['hierarchy.unit-merged'],
          `${community.name} was merged into another community`,
        );
      }
      const organisation = await this.partyOrganisations.findForUpdate(tx, command.communityId);
      if (!organisation) throw new NotFoundError('party-organisation', command.communityId);
      await this.partyOrganisations.setMemberCount(tx, command.communityId, command.memberCount);
      return this.presenter.present(tx, community.districtCode, { ...organisation, memberCount: command.memberCount });
    });
  }
}
