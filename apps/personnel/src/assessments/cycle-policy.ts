import { chinaDateOf, type PolicyBook, type PolicyVersion, type Transaction } from '@jianfu/platform';
import { type AssessmentPolicy, assessmentPolicyKind } from './domain/assessment-policy.js';
import type { AssessmentCycle } from './domain/assessment-cycle.js';

/**
 * The `assessment` policy a cycle is graded by: the version recorded when it opened. A cycle opened before
 * policies existed takes the version in force on its opening day (the deployment's defaults, version 1).
 */
export function cycleAssessmentPolicy(
  tx: Transaction,
  policies: PolicyBook,
  cycle: Pick<AssessmentCycle, 'districtCode' | 'policyVersion' | 'openedAt'>,
): Promise<PolicyVersion<AssessmentPolicy>> {
  return cycle.policyVersion !== null
    ? policies.version<AssessmentPolicy>(tx, cycle.districtCode, assessmentPolicyKind, cycle.policyVersion)
    : policies.effective<AssessmentPolicy>(tx, cycle.districtCode, assessmentPolicyKind, chinaDateOf(cycle.openedAt));
}
