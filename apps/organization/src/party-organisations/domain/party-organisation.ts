import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { PartyOrganisationUpgradeState } from '@jianfu/contracts/workflows';

/** A community's party organisation: its kind, its membership and its secretary, as the service reads it back. */
export interface PartyOrganisation {
  communityId: string;
  kind: PartyOrganisationKind;
  memberCount: number;
  secretaryWorkerId: string | null;
  secretaryName: string | null;
  secretaryAppointedAt: Date | null;
}

export type UpgradeRequestStatus = PartyOrganisationUpgradeState | 'not-started';

/** A request to move a party organisation up a kind, and how it was decided. */
export interface UpgradeRequest {
  id: string;
  communityId: string;
  fromKind: PartyOrganisationKind;
  toKind: PartyOrganisationKind;
  memberCount: number;
  status: UpgradeRequestStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}
