import { describe, expect, it } from '@jest/globals';
import type { DomainError } from '@jianfu/platform';
import { assertMergeAllowed, assertMoveAllowed, type PlacedUnit } from './hierarchy-unit.js';

const district = { kind: 'district', code: '350102' } as const;
const street = (code: string): PlacedUnit => ({
  kind: 'street',
  code,
  name: code,
  status: 'active',
  ancestors: [district],
});
const community = (code: string, streetCode: string, status: 'active' | 'merged' = 'active'): PlacedUnit => ({
  kind: 'community',
  code,
  name: code,
  status,
  ancestors: [district, { kind: 'street', code: streetCode }],
});
const grid = (code: string, communityCode: string, streetCode: string): PlacedUnit => ({
  kind: 'grid',
  code,
  name: code,
  status: 'active',
  ancestors: [district, { kind: 'street', code: streetCode }, { kind: 'community', code: communityCode }],
});

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('assertMoveAllowed', () => {
  it('lets a community move to another street and a grid to another community', () => {
    expect(refusal(() => assertMoveAllowed(community('C1', 'S1'), street('S2')))).toBeUndefined();
    expect(refusal(() => assertMoveAllowed(grid('G1', 'C1', 'S1'), community('C2', 'S1')))).toBeUndefined();
  });

  it('refuses a street under one of its own communities or grids as a cycle', () => {
    expect(refusal(() => assertMoveAllowed(street('S1'), community('C1', 'S1')))).toBe('hierarchy.cycle');
    expect(refusal(() => assertMoveAllowed(street('S1'), grid('G1', 'C1', 'S1')))).toBe('hierarchy.cycle');
    expect(refusal(() => assertMoveAllowed(community('C1', 'S1'), grid('G1', 'C1', 'S1')))).toBe('hierarchy.cycle');
    expect(refusal(() => assertMoveAllowed(community('C1', 'S1'), community('C1', 'S1')))).toBe('hierarchy.cycle');
  });

  it('refuses skipping or inverting a level, a move to where it is, and merged units', () => {
    expect(refusal(() => assertMoveAllowed(grid('G1', 'C1', 'S1'), street('S2')))).toBe('hierarchy.level-mismatch');
    expect(refusal(() => assertMoveAllowed(street('S1'), community('C2', 'S2')))).toBe('hierarchy.level-mismatch');
    expect(refusal(() => assertMoveAllowed(community('C1', 'S1'), street('S1')))).toBe('hierarchy.already-there');
    expect(refusal(() => assertMoveAllowed(grid('G1', 'C1', 'S1'), community('C2', 'S1', 'merged')))).toBe(
      'hierarchy.unit-merged',
    );
  });
});

describe('assertMergeAllowed', () => {
  it('merges two active communities only', () => {
    expect(refusal(() => assertMergeAllowed(community('C1', 'S1'), community('C2', 'S2')))).toBeUndefined();
    expect(refusal(() => assertMergeAllowed(community('C1', 'S1'), community('C1', 'S1')))).toBe('hierarchy.cycle');
    expect(refusal(() => assertMergeAllowed(street('S1'), community('C2', 'S2')))).toBe(
      'hierarchy.merge-communities-only',
    );
    expect(refusal(() => assertMergeAllowed(community('C1', 'S1', 'merged'), community('C2', 'S2')))).toBe(
      'hierarchy.unit-merged',
    );
  });
});
