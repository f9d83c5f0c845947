import { describe, expect, it } from '@jest/globals';
import { annualAssessmentPrecheck, assessedYearStart } from './annual-assessment.js';

describe('annual target assessment pre-check (年度目标责任考核)', () => {
  it('names the opinion-request rule until a closed request exists', () => {
    const unmet = annualAssessmentPrecheck({ name: '区民政局' }, 2026, null);
    expect(unmet.map((rule) => rule.rule)).toEqual(['opinion-request']);
    expect(unmet[0].message).toContain('区民政局2026');
    expect(
      annualAssessmentPrecheck({ name: '区民政局' }, 2026, { requestId: 'r', closedAt: '2027-01-10T00:00:00Z' }),
    ).toEqual([]);
  });

  it('counts the assessed year from midnight on Beijing time', () => {
    expect(assessedYearStart(2026)).toBe('2025-12-31T16:00:00.000Z');
  });
});
