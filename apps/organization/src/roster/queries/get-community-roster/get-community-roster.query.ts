import { Query } from '@nestjs/cqrs';
import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';
import type { RosterWorker } from '../../persistence/roster.repository.js';

export interface CommunityRoster {
  communityId: string;
  code: string;
  name: string;
  partyOrganisation: { kind: PartyOrganisationKind; secretaryPost: string } | null;
  secretary: { workerId: string; name: string; appointedAt: string } | null;
  workers: (RosterWorker & { secretary: boolean })[];
}

export class GetCommunityRosterQuery extends Query<CommunityRoster> {
  constructor(
    readonly communityId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
