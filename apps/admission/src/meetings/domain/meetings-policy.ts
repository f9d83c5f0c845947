import { PolicyDocumentChecks, type PolicyViolation } from '@jianfu/platform';

/** The policy kind holding the monthly meeting allowance per community. */
export const meetingsPolicyKind = 'meetings';

const deadline = { min: 1, max: 60, rule: 'deadline-1-to-60-working-days' };

/**
 * Admission's `meetings` policy (精简社区会议, seed 002): how many meetings, and how many hours of them, a department
 * may summon each community to in a calendar month before a summons needs review, and how long that review runs.
 */
export interface MeetingsPolicy {
  monthlyAllowancePerCommunity: { meetings: number; hours: number };
  reviewWorkingDays: number;
}

export function validateMeetingsPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (!checks.object('', ['monthlyAllowancePerCommunity', 'reviewWorkingDays'])) return checks.violations;
  if (checks.object('monthlyAllowancePerCommunity', ['meetings', 'hours'])) {
    checks.integer('monthlyAllowancePerCommunity.meetings', { min: 0, max: 31, rule: 'meetings-0-to-31' });
    checks.integer('monthlyAllowancePerCommunity.hours', { min: 0, max: 200, rule: 'hours-0-to-200' });
  }
  checks.integer('reviewWorkingDays', deadline);
  return checks.violations;
}
