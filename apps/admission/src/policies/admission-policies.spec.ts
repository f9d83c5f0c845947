import { describe, expect, it } from '@jest/globals';
import { validateMeetingsPolicy } from '../meetings/domain/meetings-policy.js';
import { validateReviewPolicy } from '../submissions/domain/review-policy.js';
import { defaultPrecheckPolicy } from '../submissions/domain/precheck-rules.js';

const review = {
  evaluationCap: 1,
  precheckSeverities: { ...defaultPrecheckPolicy },
  consultation: { rule: 'all', ratioPercent: 60 },
  streetReview: { workingDays: 5, onLapse: 'escalate' },
  consultationDeadline: { workingDays: 5, onLapse: 'approve' },
  committee: { workingDays: 10, onLapse: 'escalate' },
  escalation: { workingDays: 3, afterLapse: 'expire' },
  amendmentWorkingDays: 10,
  maxReminders: 3,
};

describe('admission policy documents', () => {
  it('accepts a review document written before power-item-active, and checks the rule when given', () => {
    const { 'power-item-active': _left, ...older } = review.precheckSeverities;
    expect(_left).toBe('reject');
    expect(validateReviewPolicy({ ...review, precheckSeverities: older })).toEqual([]);
    expect(
      validateReviewPolicy({ ...review, precheckSeverities: { ...older, 'power-item-active': 'sometimes' } }).map(
        (violation) => violation.field,
      ),
    ).toEqual(['precheckSeverities.power-item-active']);
  });

  it('bounds the monthly meeting allowance and the review deadline', () => {
    expect(
      validateMeetingsPolicy({ monthlyAllowancePerCommunity: { meetings: 2, hours: 4 }, reviewWorkingDays: 3 }),
    ).toEqual([]);
    expect(
      validateMeetingsPolicy({
        monthlyAllowancePerCommunity: { meetings: 40, hours: 4, minutes: 1 },
        reviewWorkingDays: 61,
      }).map((violation) => [violation.field, violation.rule]),
    ).toEqual([
      ['monthlyAllowancePerCommunity.minutes', 'unknown-field'],
      ['monthlyAllowancePerCommunity.meetings', 'meetings-0-to-31'],
      ['reviewWorkingDays', 'deadline-1-to-60-working-days'],
    ]);
  });
});
