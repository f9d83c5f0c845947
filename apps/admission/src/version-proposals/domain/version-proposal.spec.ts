import { describe, expect, it } from '@jest/globals';
import { checkProposalDecision } from './version-proposal.js';

describe('four-eyes publication of a register version', () => {
  const proposed = { status: 'proposed' as const, proposedBy: 'reviewer-a', decidedBy: null };

  it('lets a second reviewer approve or reject a proposed version', () => {
    expect(checkProposalDecision(proposed, 'approve', 'reviewer-b')).toEqual({ kind: 'decide' });
    expect(checkProposalDecision(proposed, 'reject', 'reviewer-b')).toEqual({ kind: 'decide' });
  });

  it('refuses the proposer either decision', () => {
    expect(checkProposalDecision(proposed, 'approve', 'reviewer-a')).toEqual({ kind: 'self-approval' });
    expect(checkProposalDecision(proposed, 'reject', 'reviewer-a')).toEqual({ kind: 'self-approval' });
  });

  it('answers the same decision by the same reviewer again as a duplicate, any other as already decided', () => {
    const published = { status: 'published' as const, proposedBy: 'reviewer-a', decidedBy: 'reviewer-b' };
    expect(checkProposalDecision(published, 'approve', 'reviewer-b')).toEqual({ kind: 'duplicate' });
    expect(checkProposalDecision(published, 'reject', 'reviewer-b')).toEqual({ kind: 'already-decided' });
    expect(checkProposalDecision(published, 'approve', 'reviewer-c')).toEqual({ kind: 'already-decided' });
  });
});
