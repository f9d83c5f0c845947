import { describe, expect, it } from '@jest/globals';
import type { DomainError } from '@jianfu/platform';
import { periodRange, rankDepartments } from './evaluation-period.js';

describe('periodRange', () => {
  it('covers a year, half, quarter or month on Beijing time', () => {
    expect(periodRange('2026')).toEqual({ from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
    expect(periodRange('2026-H2')).toEqual({ from: '2026-07-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
    expect(periodRange('2026-Q2')).toEqual({ from: '2026-04-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' });
    expect(periodRange('2026-12')).toEqual({ from: '2026-12-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  });

  it('refuses anything else', () => {
    for (const period of ['26', '2026-13', '2026-Q5', '2026-H3', '2026/01']) {
      let code: string | undefined;
      try {
        periodRange(period);
      } catch (error) {
        code = (error as DomainError).code;
      }
      expect(code).toBe('evaluation.period-invalid');
    }
  });
});

describe('rankDepartments', () => {
  const tally = (
    code: string,
    satisfied: number,
    basicallySatisfied: number,
    dissatisfied: number,
    violations: number,
  ) => ({
    departmentId: code,
    code,
    name: code,
    satisfied,
    basicallySatisfied,
    dissatisfied,
    violations,
    tasksDispatched: 0,
  });

  it('averages grades, subtracts a penalty per violation, and shares ranks on equal scores', () => {
    const ranked = rankDepartments(
      [
        tally('A', 2, 0, 0, 0),
        tally('B', 2, 0, 0, 2),
        tally('C', 1, 1, 0, 0),
        tally('D', 0, 0, 0, 0),
        tally('E', 1, 1, 0, 0),
      ],
      5,
      { satisfied: 100, 'basically-satisfied': 60, dissatisfied: 0 },
    );
    expect(ranked.map((entry) => [entry.code, entry.rank, entry.score])).toEqual([
      ['A', 1, 100],
      ['B', 2, 90],
      ['C', 3, 80],
      ['E', 3, 80],
      ['D', 5, 0],
    ]);
    expect(ranked.find((entry) => entry.code === 'D')).toMatchObject({ ratings: 0, satisfactionScore: null });
  });
});
