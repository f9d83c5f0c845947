import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@jianfu/platform';
import { assertUpgradeJustified, kindJustifiedBy } from './party-organisation-kind.js';

const thresholds = { generalBranch: 50, committee: 100 };

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('assertUpgradeJustified', () => {
  it('accepts a branch of 50 members becoming a general branch, and 100 a committee', () => {
    expect(refusal(() => assertUpgradeJustified('branch', 'general-branch', 50, thresholds))).toBeUndefined();
    expect(refusal(() => assertUpgradeJustified('branch', 'committee', 100, thresholds))).toBeUndefined();
    expect(refusal(() => assertUpgradeJustified('general-branch', 'committee', 120, thresholds))).toBeUndefined();
  });

  it('refuses membership below the target threshold', () => {
    expect(refusal(() => assertUpgradeJustified('branch', 'general-branch', 49, thresholds))).toBe(
      'party-organisation.membership-too-small',
    );
    expect(refusal(() => assertUpgradeJustified('general-branch', 'committee', 99, thresholds))).toBe(
      'party-organisation.membership-too-small',
    );
  });

  it('refuses a move that is not upwards', () => {
    expect(refusal(() => assertUpgradeJustified('committee', 'general-branch', 500, thresholds))).toBe(
      'party-organisation.not-an-upgrade',
    );
    expect(refusal(() => assertUpgradeJustified('branch', 'branch', 10, thresholds))).toBe(
      'party-organisation.not-an-upgrade',
    );
  });

  it('follows configured thresholds', () => {
    expect(
      refusal(() => assertUpgradeJustified('branch', 'general-branch', 30, { generalBranch: 30, committee: 80 })),
    ).toBeUndefined();
  });
});

describe('kindJustifiedBy', () => {
  it('names the highest kind the membership reaches', () => {
    expect(kindJustifiedBy(2, thresholds)).toBeNull();
    expect(kindJustifiedBy(3, thresholds)).toBe('branch');
    expect(kindJustifiedBy(49, thresholds)).toBe('branch');
    expect(kindJustifiedBy(50, thresholds)).toBe('general-branch');
    expect(kindJustifiedBy(100, thresholds)).toBe('committee');
    expect(kindJustifiedBy(5, { branch: 6, generalBranch: 30, committee: 80 })).toBeNull();
  });
});
