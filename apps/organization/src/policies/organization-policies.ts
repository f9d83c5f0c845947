import { PolicyDocumentChecks, type PolicyKind, type PolicyViolation, Roles } from '@jianfu/platform';
import type { OrganizationConfig } from '../config.js';
import type { RatingGrade } from '../evaluation/domain/evaluation-period.js';
import type { MembershipThresholds } from '../party-organisations/domain/party-organisation-kind.js';

/** Organization's `party-organisation` policy: the members from which each kind of organisation is justified. */
export interface PartyOrganisationPolicy {
  branchMinMembers: number;
  generalBranchMinMembers: number;
  committeeMinMembers: number;
}

/** Organization's `facilities` policy: the office and service space from which premises meet the standard. */
export interface FacilitiesPolicy {
  standardAreaM2: number;
}

/** Organization's `evaluation` policy (双评议): points per rating grade and the penalty per violation. */
export interface EvaluationPolicy {
  gradePoints: { satisfied: number; basicallySatisfied: number; dissatisfied: number };
  violationPenalty: number;
}

export const OrganizationPolicyKinds = {
  partyOrganisation: 'party-organisation',
  facilities: 'facilities',
  evaluation: 'evaluation',
} as const;

export function thresholdsOf(policy: PartyOrganisationPolicy): MembershipThresholds {
  return {
    branch: policy.branchMinMembers,
    generalBranch: policy.generalBranchMinMembers,
    committee: policy.committeeMinMembers,
  };
}

export function gradePointsOf(policy: EvaluationPolicy): Record<RatingGrade, number> {
  return {
    satisfied: policy.gradePoints.satisfied,
    'basically-satisfied': policy.gradePoints.basicallySatisfied,
    dissatisfied: policy.gradePoints.dissatisfied,
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

export function validateFacilitiesPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (checks.object('', ['standardAreaM2'])) {
    checks.integer('standardAreaM2', { min: 1, max: 100_000, rule: 'area-range' });
  }
  return checks.violations;
}

export function validateEvaluationPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (!checks.object('', ['gradePoints', 'violationPenalty'])) return checks.violations;
  const grades = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
  if (checks.object('gradePoints', grades)) {
    const points = grades.map((grade) =>
      checks.integer(`gradePoints.${grade}`, {
        min: 0,
        max: 100,
        rule: 'points-0-to-100',
        missingRule: 'grade-missing',
      }),
    );
    checks.descending(
      grades.map((grade, index) => [`gradePoints.${grade}`, points[index]]),
      'points-fall-with-grade',
      'A better rating never scores less',
    );
  }
  checks.integer('violationPenalty', { min: 0, max: 100, rule: 'points-0-to-100' });
  return checks.violations;
}

/**
 * Organization's policy kinds with the deployment's defaults: 支部 from 3 members, 总支 from 50, 党委 from 100;
 * premises meet the standard at 500 m² (seed 000: 500平方米以上); 双评议 points and the violation penalty.
 */
export function organizationPolicyKinds(config: OrganizationConfig): PolicyKind[] {
  const authorRoles = [Roles.OrganizationAdmin];
  const partyOrganisation: PartyOrganisationPolicy = {
    branchMinMembers: config.BRANCH_MIN_MEMBERS,
    generalBranchMinMembers: config.GENERAL_BRANCH_MIN_MEMBERS,
    committeeMinMembers: config.COMMITTEE_MIN_MEMBERS,
  };
  const facilities: FacilitiesPolicy = { standardAreaM2: config.FACILITY_STANDARD_AREA_M2 };
  const evaluation: EvaluationPolicy = {
    gradePoints: { satisfied: 100, basicallySatisfied: 60, dissatisfied: 0 },
    violationPenalty: config.EVALUATION_VIOLATION_PENALTY,
  };
  return [
    {
      kind: OrganizationPolicyKinds.partyOrganisation,
      title: '党组织设置 (members from which 支部, 总支, 党委 are justified)',
      authorRoles,
      defaults: partyOrganisation,
      validate: validatePartyOrganisationPolicy,
    },
    {
      kind: OrganizationPolicyKinds.facilities,
      title: '场所达标 (office and service space standard)',
      authorRoles,
      defaults: facilities,
      validate: validateFacilitiesPolicy,
    },
    {
      kind: OrganizationPolicyKinds.evaluation,
      title: '双评议 (points per rating, penalty per 违规摊派)',
      authorRoles,
      defaults: evaluation,
      validate: validateEvaluationPolicy,
    },
  ];
}
