import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PartyOrganisationView } from '../../domain/party-organisation-view.js';

export class GetPartyOrganisationQuery extends Query<PartyOrganisationView> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
