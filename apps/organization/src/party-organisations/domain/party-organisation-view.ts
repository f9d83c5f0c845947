import type { PartyOrganisationKind } from '@jianfu/contracts';

export interface PartyOrganisationView {
  communityId: string;
  kind: PartyOrganisationKind;
  kindLabel: string;
  memberCount: number;
  /** The highest kind the membership reaches; above `kind` means an upgrade may be requested. */
  justifiedKind: PartyOrganisationKind | null;
  upgradeJustified: boolean;
  secretary: { workerId: string; name: string; appointedAt: string } | null;
}
