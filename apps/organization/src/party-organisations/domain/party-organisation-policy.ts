import { PolicyDocumentChecks, type PolicyViolation } from '@jianfu/platform';
import type { MembershipThresholds } from './party-organisation-kind.js';

/** The policy kind holding the membership thresholds of each kind of party organisation. */
export const partyOrganisationPolicyKind = 'party-organisation';

/** Organization's `party-organisation` policy: the members from which each kind of organisation is justified. */
export interface PartyOrganisationPolicy {
  branchMinMembers: number;
  generalBranchMinMembers: number;
  committeeMinMembers: number;
}

export function thresholdsOf(policy: PartyOrganisationPolicy): MembershipThresholds {
  return {
    branch: policy.branchMinMembers,
    generalBranch: policy.generalBranchMinMembers,
    committee: policy.committeeMinMembers,
  };
}

export function validatePartyOrganisationPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (!checks.object('', ['branchMinMembers', 'generalBranchMinMembers', 'committeeMinMembers'])) {
    return checks.violations;
  }
  // 党章: a 支部 needs at least three full members.
  const branch = checks.integer('branchMinMembers', { min: 3, max: 100_000, rule: 'branch-at-least-3-members' });
  const generalBranch = checks.integer('generalBranchMinMembers', { min: 3, max: 100_000, rule: 'members-range' });
  const committee = checks.integer('committeeMinMembers', { min: 3, max: 100_000, rule: 'members-range' });
  const pairs: [string, number | undefined, string, number | undefined][] = [
    ['branchMinMembers', branch, 'generalBranchMinMembers', generalBranch],
    ['generalBranchMinMembers', generalBranch, 'committeeMinMembers', committee],
  ];
  for (const [lowerPath, lower, higherPath, higher] of pairs) {
    if (lower !== undefined && higher !== undefined && higher <= lower) {
      checks.fail(higherPath, 'thresholds-ascend', `${higherPath} (${higher}) must exceed ${lowerPath} (${lower})`);
    }
  }
  return checks.violations;
}
