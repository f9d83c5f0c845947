import { PolicyDocumentChecks, type PolicyViolation } from '@jianfu/platform';
import type { PrecheckPolicy, PrecheckRuleName, PrecheckSeverity } from './precheck-rules.js';

/** The policy kind holding the review's cap, pre-check severities, consultation rule and deadlines. */
export const reviewPolicyKind = 'review';

export type LapseOutcome = 'escalate' | 'approve' | 'reject' | 'expire';

export interface StepDeadlinePolicy {
  workingDays: number;
  onLapse: LapseOutcome;
}

/**
 * Admission's `review` policy: the evaluation cap, what each pre-check rule does when it fails, how the
 * communities' consultation completes, and every deadline of the review (working days, and what a lapse does).
 */
export interface ReviewPolicy {
  evaluationCap: number;
  precheckSeverities: PrecheckPolicy;
  consultation: { rule: 'all' | 'any' | 'ratio'; ratioPercent: number };
  streetReview: StepDeadlinePolicy;
  consultationDeadline: StepDeadlinePolicy;
  committee: StepDeadlinePolicy;
  escalation: { workingDays: number; afterLapse: Exclude<LapseOutcome, 'escalate'> };
  amendmentWorkingDays: number;
  maxReminders: number;
}

const precheckRules: readonly PrecheckRuleName[] = [
  'legal-basis',
  'funding-required',
  'funding-standard',
  'budget-available',
  'evaluation-cap',
  'duplicate',
  'communities-exist',
  'ledgers-allowed',
  'power-item-active',
];
/** Rules added after districts published versions: a document may leave them out (their default applies). */
const optionalRules: readonly PrecheckRuleName[] = ['power-item-active'];
const severities: readonly PrecheckSeverity[] = ['return', 'reject', 'flag', 'off'];
const lapses: readonly LapseOutcome[] = ['escalate', 'approve', 'reject', 'expire'];
const deadline = { min: 1, max: 60, rule: 'deadline-1-to-60-working-days' };

function checkStep(checks: PolicyDocumentChecks, path: string): void {
  if (!checks.object(path, ['workingDays', 'onLapse'])) return;
  checks.integer(`${path}.workingDays`, deadline);
  checks.oneOf(`${path}.onLapse`, lapses);
}

export function validateReviewPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (
    !checks.object('', [
      'evaluationCap',
      'precheckSeverities',
      'consultation',
      'streetReview',
      'consultationDeadline',
      'committee',
      'escalation',
      'amendmentWorkingDays',
      'maxReminders',
    ])
  ) {
    return checks.violations;
  }
  checks.integer('evaluationCap', { min: 0, max: 100, rule: 'cap-range' });
  if (checks.object('precheckSeverities', precheckRules)) {
    const severitiesGiven = (document as { precheckSeverities: Record<string, unknown> }).precheckSeverities;
    for (const rule of precheckRules) {
      if (optionalRules.includes(rule) && !Object.hasOwn(severitiesGiven, rule)) continue;
      const severity = checks.oneOf(`precheckSeverities.${rule}`, severities);
      // Unfunded work is never admitted silently (费随事转): this rule can only return or reject.
      if (rule === 'funding-required' && (severity === 'flag' || severity === 'off')) {
        checks.fail(`precheckSeverities.${rule}`, 'severity-not-allowed', `${rule} may only be return or reject`);
      }
    }
  }
  if (checks.object('consultation', ['rule', 'ratioPercent'])) {
    checks.oneOf('consultation.rule', ['all', 'any', 'ratio']);
    checks.integer('consultation.ratioPercent', { min: 1, max: 100, rule: 'percent-1-to-100' });
  }
  checkStep(checks, 'streetReview');
  checkStep(checks, 'consultationDeadline');
  checkStep(checks, 'committee');
  if (checks.object('escalation', ['workingDays', 'afterLapse'])) {
    checks.integer('escalation.workingDays', deadline);
    checks.oneOf('escalation.afterLapse', ['approve', 'reject', 'expire']);
  }
  checks.integer('amendmentWorkingDays', deadline);
  checks.integer('maxReminders', { min: 0, max: 10, rule: 'reminders-0-to-10' });
  return checks.violations;
}
