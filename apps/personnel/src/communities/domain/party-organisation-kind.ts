import type { PartyOrganisationKind } from '@jianfu/contracts';

/** Kinds in rising order: 支部, 总支, 党委; an organisation only ever moves up. */
export const partyOrganisationKinds: readonly PartyOrganisationKind[] = ['branch', 'general-branch', 'committee'];

export const partyOrganisationKindLabels: Record<PartyOrganisationKind, string> = {
  branch: '党支部',
  'general-branch': '党总支',
  committee: '党委',
};

/** The community secretary's post as the organisation's kind names it. */
export const secretaryPosts: Record<PartyOrganisationKind, string> = {
  branch: '支部书记',
  'general-branch': '总支书记',
  committee: '党委书记',
};

/** What personnel's records show of a community's party organisation. */
export interface CommunityPartyOrganisation {
  kind: PartyOrganisationKind;
  kindName: string;
  secretaryPost: string;
  /** When organization approved the kind; null for the 支部 every community starts with. */
  upgradedAt: string | null;
}

export function describePartyOrganisation(
  kind: PartyOrganisationKind,
  upgradedAt: string | null,
): CommunityPartyOrganisation {
  return { kind, kindName: partyOrganisationKindLabels[kind], secretaryPost: secretaryPosts[kind], upgradedAt };
}
