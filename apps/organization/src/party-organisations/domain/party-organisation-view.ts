import type { PartyOrganisationKind } from '@jianfu/contracts';

export interface PartyOrganisationView {
  communityId: string;
  kind: PartyOrganisationKind;
  kindLabel: string;
  memberCount: number;
  /** The highest kind the membership reaches; above `kind` means an upgrade may be requested. */
  justifiedKind: PartyOrganisationKind | null;
  /** The version of the district's party-organisation policy whose thresholds judged `justifiedKind`. */
  policyVersion: number;
  upgradeJustified: boolean;
  secretary: { workerId: string; name: string; appointedAt: string } | null;
}
