import { describe, expect, it } from '@jest/globals';
import type { PerformanceGrade } from '@jianfu/contracts';
import { DomainError } from '@jianfu/platform';
import { bonusFor, bonusTablesFrom } from './bonus-table.js';
import { assertWithinQuotas, quotaBreaches, quotaHeadCount } from './grade-quotas.js';

const defaults = { excellentPercent: 20, goodPercent: 60, rounding: 'floor' as const };

function cohort(excellent: number, good: number, qualified: number, unqualified = 0): PerformanceGrade[] {
  return [
    ...Array<PerformanceGrade>(excellent).fill('excellent'),
    ...Array<PerformanceGrade>(good).fill('good'),
    ...Array<PerformanceGrade>(qualified).fill('qualified'),
    ...Array<PerformanceGrade>(unqualified).fill('unqualified'),
  ];
}

describe('quotaHeadCount', () => {
  it('turns a share into heads by the configured rounding rule', () => {
    expect(quotaHeadCount(10, 20, 'floor')).toBe(2);
    expect(quotaHeadCount(10, 20, 'ceil')).toBe(2);
    expect(quotaHeadCount(7, 20, 'floor')).toBe(1);
    expect(quotaHeadCount(7, 20, 'round')).toBe(1);
    expect(quotaHeadCount(7, 20, 'ceil')).toBe(2);
    expect(quotaHeadCount(5, 50, 'round')).toBe(3);
    expect(quotaHeadCount(3, 20, 'floor')).toBe(0);
  });
});

describe('quotaBreaches', () => {
  it('accepts 20% 优秀 and 60% 良好 exactly', () => {
    expect(quotaBreaches(10, cohort(2, 6, 2), defaults)).toEqual([]);
  });

  it('names each grade over its quota with the counts', () => {
    expect(quotaBreaches(10, cohort(3, 7, 0), defaults)).toEqual([
      { grade: 'excellent', graded: 3, allowed: 2, percent: 20 },
      { grade: 'good', graded: 7, allowed: 6, percent: 60 },
    ]);
  });

  it('follows the configured quotas and rounding', () => {
    expect(quotaBreaches(7, cohort(2, 4, 1), defaults)).toEqual([
      { grade: 'excellent', graded: 2, allowed: 1, percent: 20 },
    ]);
    expect(quotaBreaches(7, cohort(2, 4, 1), { ...defaults, rounding: 'ceil' })).toEqual([]);
    expect(quotaBreaches(10, cohort(3, 0, 7), { ...defaults, excellentPercent: 30 })).toEqual([]);
  });

  it('refuses with a conflict carrying the rule', () => {
    expect(() => assertWithinQuotas(5, cohort(2, 0, 3), defaults)).toThrow(DomainError);
    try {
      assertWithinQuotas(5, cohort(2, 0, 3), defaults);
    } catch (error) {
      expect((error as DomainError).code).toBe('assessment.quota-exceeded');
      expect((error as DomainError).status).toBe(409);
      expect((error as DomainError).message).toContain('优秀 is given to 2 of 5 workers');
    }
  });
});

describe('bonusFor', () => {
  const tables = bonusTablesFrom({
    MONTHLY_BONUS_QUALIFIED_FEN: 90_000,
    MONTHLY_BONUS_GOOD_FEN: 110_000,
    MONTHLY_BONUS_EXCELLENT_FEN: 130_000,
    ANNUAL_BONUS_QUALIFIED_FEN: 120_000,
    ANNUAL_BONUS_GOOD_FEN: 180_000,
    ANNUAL_BONUS_EXCELLENT_FEN: 240_000,
  });

  it('pays by kind and grade from the table, nothing for 不合格', () => {
    expect(bonusFor(tables, 'monthly', 'excellent')).toBe(130_000);
    expect(bonusFor(tables, 'monthly', 'qualified')).toBe(90_000);
    expect(bonusFor(tables, 'annual', 'good')).toBe(180_000);
    expect(bonusFor(tables, 'annual', 'unqualified')).toBe(0);
  });
});
