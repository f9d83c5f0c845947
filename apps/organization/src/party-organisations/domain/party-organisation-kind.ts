import type { PartyOrganisationKind } from '@jianfu/contracts';
import { DomainError } from '@jianfu/platform';
import { PartyOrganisationErrors } from './party-organisations.errors.js';

/** Kinds in rising order: 支部 (branch), 总支 (general branch), 党委 (committee). */
export const partyOrganisationKinds: readonly PartyOrganisationKind[] = ['branch', 'general-branch', 'committee'];

export const partyOrganisationKindLabels: Record<PartyOrganisationKind, string> = {
  branch: '支部',
  'general-branch': '总支',
  committee: '党委',
};

/** The community secretary's post follows the organisation's kind: 支部书记, 总支书记, 党委书记. */
export const secretaryPosts: Record<PartyOrganisationKind, string> = {
  branch: '支部书记',
  'general-branch': '总支书记',
  committee: '党委书记',
};

export interface MembershipThresholds {
  /** A 支部 needs 3 members by the party's rules unless configured otherwise. */
  branch?: number;
  generalBranch: number;
  committee: number;
}

export function minimumMembersFor(kind: PartyOrganisationKind, thresholds: MembershipThresholds): number {
  if (kind === 'committee') return thresholds.committee;
  if (kind === 'general-branch') return thresholds.generalBranch;
  return thresholds.branch ?? 3;
}

/** The highest kind the membership reaches, or null when it is too small even for a 支部. */
export function kindJustifiedBy(memberCount: number, thresholds: MembershipThresholds): PartyOrganisationKind | null {
  return (
    [...partyOrganisationKinds].reverse().find((kind) => memberCount >= minimumMembersFor(kind, thresholds)) ?? null
  );
}

/**
 * A party organisation's kind follows its membership: an upgrade must go up, and the membership must
 * reach the target kind's threshold. Refusals carry the rule that failed.
 */
export function assertUpgradeJustified(
  current: PartyOrganisationKind,
  target: PartyOrganisationKind,
  memberCount: number,
  thresholds: MembershipThresholds,
): void {
  if (partyOrganisationKinds.indexOf(target) <= partyOrganisationKinds.indexOf(current)) {
    throw DomainError.of(
      PartyOrganisationErrors['party-organisation.not-an-upgrade'],
      `${partyOrganisationKindLabels[target]} is not above the current ${partyOrganisationKindLabels[current]}`,
    );
  }
  const required = minimumMembersFor(target, thresholds);
  if (memberCount < required) {
    throw DomainError.of(
      PartyOrganisationErrors['party-organisation.membership-too-small'],
      `A ${partyOrganisationKindLabels[target]} needs at least ${required} members; this organisation has ${memberCount}`,
    );
  }
}
