import { PolicyDocumentChecks, type PolicyViolation } from '@jianfu/platform';

/** The policy kind holding the premises standard. */
export const facilitiesPolicyKind = 'facilities';

/** Organization's `facilities` policy: the office and service space from which premises meet the standard. */
export interface FacilitiesPolicy {
  standardAreaM2: number;
}

export function validateFacilitiesPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (checks.object('', ['standardAreaM2'])) {
    checks.integer('standardAreaM2', { min: 1, max: 100_000, rule: 'area-range' });
  }
  return checks.violations;
}
