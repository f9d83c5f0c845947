import { Query } from '@nestjs/cqrs';
import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';

export interface PartyOrganisationsReport {
  totals: {
    communities: number;
    members: number;
    byKind: Record<PartyOrganisationKind, number>;
    upgradesAwaitingDecision: number;
  };
  communities: {
    communityId: string;
    code: string;
    name: string;
    streetCode: string;
    kind: PartyOrganisationKind;
    kindLabel: string;
    memberCount: number;
    secretaryName: string | null;
    pendingUpgradeRequestId: string | null;
    pendingUpgradeToKind: PartyOrganisationKind | null;
  }[];
}

export class PartyOrganisationsReportQuery extends Query<PartyOrganisationsReport> {
  constructor(
    readonly actor: Principal,
    readonly streetCode: string | undefined,
  ) {
    super();
  }
}
