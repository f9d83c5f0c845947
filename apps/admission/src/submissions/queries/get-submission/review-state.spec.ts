import { describe, expect, it } from '@jest/globals';
import type { PrecheckResult } from '../../domain/precheck-rules.js';
import type { Submission } from '../../domain/submission.js';
import { reviewStateOf } from './review-state.js';

const precheck: PrecheckResult = { outcome: 'pass', findings: [], catalogueVersion: 3 };

function submission(
  overrides: Partial<Pick<Submission, 'workflowId' | 'status' | 'round' | 'precheck'>> = {},
): Pick<Submission, 'workflowId' | 'status' | 'round' | 'precheck'> {
  return { workflowId: 'task-admission-s1', status: 'in-review', round: 1, precheck, ...overrides };
}

describe('reviewStateOf (where a review stands, from the database)', () => {
  it('is null when no review runs', () => {
    expect(reviewStateOf(submission({ workflowId: null, status: 'draft', round: 0 }), [])).toBeNull();
    expect(reviewStateOf(submission({ status: 'admitted' }), ['committee-1'])).toBeNull();
  });

  it('names the step open now, with the pre-check of its round', () => {
    expect(reviewStateOf(submission(), ['street-review-1'])).toEqual({
      state: 'street-review',
      round: 1,
      openStepId: 'street-review-1',
      precheck,
    });
    expect(reviewStateOf(submission(), ['consultation-1'])?.state).toBe('consultation');
    expect(reviewStateOf(submission(), ['committee-1'])?.openStepId).toBe('committee-1');
  });

  it('is pre-checking while no step of the round is open, without the pre-check of an earlier round', () => {
    expect(reviewStateOf(submission({ round: 2 }), [])).toEqual({ state: 'prechecking', round: 2 });
    // A step of another round (or another kind of step) does not count.
    expect(reviewStateOf(submission({ round: 2 }), ['committee-1', 'street-review-12'])?.state).toBe('prechecking');
  });

  it('is returned, with the amendment step once it is open', () => {
    expect(reviewStateOf(submission({ status: 'returned' }), [])).toEqual({ state: 'returned', round: 1, precheck });
    expect(reviewStateOf(submission({ status: 'returned' }), ['amendment-1'])?.openStepId).toBe('amendment-1');
  });
});
