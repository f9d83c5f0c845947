import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PartyOrganisationView } from '../../domain/party-organisation-view.js';

export class SetMembershipCommand extends Command<PartyOrganisationView> {
  constructor(
    readonly communityId: string,
    readonly memberCount: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
