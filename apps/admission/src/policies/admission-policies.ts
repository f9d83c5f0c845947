import { type PolicyKind, Roles } from '@jianfu/platform';
import type { AdmissionConfig } from '../config.js';
import { type MeetingsPolicy, meetingsPolicyKind, validateMeetingsPolicy } from '../meetings/domain/meetings-policy.js';
import { parsePrecheckPolicy } from '../submissions/domain/precheck-rules.js';
import {
  type LapseOutcome,
  type ReviewPolicy,
  reviewPolicyKind,
  validateReviewPolicy,
} from '../submissions/domain/review-policy.js';

/**
 * The registry of admission's policy kinds. Each context owns its policy (document, checks, in its domain); this
 * folder only gathers them with the deployment's defaults, so it depends on the contexts and no context depends on
 * it.
 */
export const AdmissionPolicyKinds = { review: reviewPolicyKind, meetings: meetingsPolicyKind } as const;

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
