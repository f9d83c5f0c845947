import { PolicyDocumentChecks, type PolicyKind, type PolicyViolation, Roles } from '@jianfu/platform';
import type { AdmissionConfig } from '../config.js';
import {
  parsePrecheckPolicy,
  type PrecheckPolicy,
  type PrecheckRuleName,
  type PrecheckSeverity,
} from '../submissions/domain/precheck-rules.js';

type LapseOutcome = 'escalate' | 'approve' | 'reject' | 'expire';

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

/**
 * Admission's `meetings` policy (精简社区会议, seed 002): how many meetings, and how many hours of them, a department
 * may summon each community to in a calendar month before a summons needs review, and how long that review runs.
 */
export interface MeetingsPolicy {
  monthlyAllowancePerCommunity: { meetings: number; hours: number };
  reviewWorkingDays: number;
}

export const AdmissionPolicyKinds = { review: 'review', meetings: 'meetings' } as const;

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

/**
 * Admission's policy kinds with the deployment's defaults: 鼓楼区 kept one evaluation item (seed 002:
 * 考核评比事项只保留1项); the pre-check severities, consultation rule and deadlines are the project's.
 */
export function admissionPolicyKinds(config: AdmissionConfig): PolicyKind[] {
  const review: ReviewPolicy = {
    evaluationCap: config.EVALUATION_CAP,
    precheckSeverities: parsePrecheckPolicy(config.PRECHECK_RULES),
    consultation: {
      rule: config.CONSULTATION_RULE as ReviewPolicy['consultation']['rule'],
      ratioPercent: Math.round(config.CONSULTATION_RATIO * 100),
    },
    streetReview: {
      workingDays: config.STREET_REVIEW_WORKING_DAYS,
      onLapse: config.STREET_REVIEW_ON_LAPSE as LapseOutcome,
    },
    consultationDeadline: {
      workingDays: config.CONSULTATION_WORKING_DAYS,
      onLapse: config.CONSULTATION_ON_LAPSE as LapseOutcome,
    },
    committee: { workingDays: config.COMMITTEE_WORKING_DAYS, onLapse: config.COMMITTEE_ON_LAPSE as LapseOutcome },
    escalation: {
      workingDays: config.ESCALATION_WORKING_DAYS,
      afterLapse: config.AFTER_ESCALATION as ReviewPolicy['escalation']['afterLapse'],
    },
    amendmentWorkingDays: config.AMENDMENT_WORKING_DAYS,
    maxReminders: config.MAX_REMINDERS,
  };
  return [
    {
      kind: AdmissionPolicyKinds.review,
      title: '准入审核 (evaluation cap, pre-check severities, consultation rule, deadlines)',
      authorRoles: [Roles.AdmissionCommittee],
      defaults: review,
      validate: validateReviewPolicy,
    },
    {
      kind: AdmissionPolicyKinds.meetings,
      title: '精简社区会议 (monthly meeting allowance per community, review deadline)',
      authorRoles: [Roles.AdmissionCommittee],
      defaults: {
        monthlyAllowancePerCommunity: {
          meetings: config.MEETING_ALLOWANCE_MEETINGS,
          hours: config.MEETING_ALLOWANCE_HOURS,
        },
        reviewWorkingDays: config.MEETING_REVIEW_WORKING_DAYS,
      } satisfies MeetingsPolicy,
      validate: validateMeetingsPolicy,
    },
  ];
}
