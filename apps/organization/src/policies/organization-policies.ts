import { type PolicyKind, Roles } from '@jianfu/platform';
import type { OrganizationConfig } from '../config.js';
import {
  type EvaluationPolicy,
  evaluationPolicyKind,
  validateEvaluationPolicy,
} from '../evaluation/domain/evaluation-policy.js';
import {
  type FacilitiesPolicy,
  facilitiesPolicyKind,
  validateFacilitiesPolicy,
} from '../facilities/domain/facilities-policy.js';
import {
  type PartyOrganisationPolicy,
  partyOrganisationPolicyKind,
  validatePartyOrganisationPolicy,
} from '../party-organisations/domain/party-organisation-policy.js';

/**
 * The registry of organization's policy kinds. Each context owns its policy (document, checks, accessors, in its
 * domain); this folder only gathers them with the deployment's defaults, so it depends on the contexts and no
 * context depends on it.
 */
export const OrganizationPolicyKinds = {
  partyOrganisation: partyOrganisationPolicyKind,
  facilities: facilitiesPolicyKind,
  evaluation: evaluationPolicyKind,
} as const;

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
