import { describe, expect, it } from '@jest/globals';
import {
  type CandidateFacts,
  describeUnmet,
  evaluateRules,
  ruleMissing,
  type StepRule,
  topOfTrack,
  unmetRules,
  yearsBetween,
} from './eligibility.js';

const worker = { trackCode: 'post', code: 'community-worker', name: '社区工作者', ordinal: 1 };
const secretary = { trackCode: 'post', code: 'community-secretary', name: '社区书记', ordinal: 2 };
const rule: StepRule = {
  districtCode: '*',
  trackCode: 'post',
  stepCode: 'community-secretary',
  minYearsInRank: 3,
  recentAnnualGrades: 2,
  recentAnnualMinGrade: 'good',
  requiredCertificates: [],
  minEducation: 'junior-college',
  requiresPartyMember: true,
  limitedByPlaces: false,
};

const eligible: CandidateFacts = {
  currentStep: worker,
  since: '2021-06-01',
  certificates: [],
  education: 'bachelor',
  partyMember: true,
  annualGrades: [
    { year: 2023, grade: 'qualified' },
    { year: 2024, grade: 'good' },
    { year: 2025, grade: 'excellent' },
  ],
};

describe('unmetRules', () => {
  it('finds nothing missing for a worker who meets every rule', () => {
    expect(unmetRules(eligible, secretary, rule, null, '2026-11-01')).toEqual([]);
  });

  it('lists every unmet rule at once', () => {
    const unmet = unmetRules(
      {
        ...eligible,
        since: '2025-01-01',
        education: 'senior-secondary',
        partyMember: false,
        annualGrades: [{ year: 2025, grade: 'qualified' }],
      },
      secretary,
      { ...rule, requiredCertificates: ['social-worker-qualification'], limitedByPlaces: true },
      0,
      '2026-11-01',
    );
    expect(unmet.map((entry) => entry.rule)).toEqual([
      'years-in-rank',
      'recent-annual-grades',
      'certificate',
      'education',
      'party-membership',
      'establishment-places',
    ]);
    expect(unmet).toEqual([
      { rule: 'years-in-rank', required: 3, actual: 1.8, message: '需任社区工作者满3年，现任1.8年' },
      {
        rule: 'recent-annual-grades',
        required: { count: 2, minGrade: 'good' },
        actual: [{ year: 2025, grade: 'qualified' }],
        message: '需最近2年年度考核均为良好及以上，现为2025年合格',
      },
      {
        rule: 'certificate',
        required: 'social-worker-qualification',
        actual: [],
        message: '需持有社会工作师职业资格证书',
      },
      {
        rule: 'education',
        required: 'junior-college',
        actual: 'senior-secondary',
        message: '需大专及以上学历，现为高中/中专',
      },
      { rule: 'party-membership', required: true, actual: false, message: '需为中共党员' },
      { rule: 'establishment-places', required: 1, actual: 0, message: '本区社区书记事业编制已无空余名额' },
    ]);
    expect(describeUnmet(unmet.slice(0, 1))).toBe('[years-in-rank] 需任社区工作者满3年，现任1.8年');
  });

  it('counts only the most recent annual grades', () => {
    const older = {
      ...eligible,
      annualGrades: [...eligible.annualGrades, { year: 2020, grade: 'unqualified' as const }],
    };
    expect(unmetRules(older, secretary, rule, null, '2026-11-01')).toEqual([]);
    const recentBad = {
      ...eligible,
      annualGrades: [
        { year: 2025, grade: 'qualified' as const },
        { year: 2024, grade: 'good' as const },
      ],
    };
    expect(unmetRules(recentBad, secretary, rule, null, '2026-11-01').map((entry) => entry.rule)).toEqual([
      'recent-annual-grades',
    ]);
  });

  it('needs a free place only where the step is limited by the establishment', () => {
    const limited = { ...rule, limitedByPlaces: true };
    expect(unmetRules(eligible, secretary, limited, 1, '2026-11-01')).toEqual([]);
    expect(unmetRules(eligible, secretary, limited, 0, '2026-11-01').map((entry) => entry.rule)).toEqual([
      'establishment-places',
    ]);
  });
});

describe('unmet rules at the ends of a track', () => {
  it('names the current step at the top, and the next step without a rule', () => {
    expect(topOfTrack(secretary)).toEqual({
      rule: 'top-of-track',
      required: null,
      actual: 'community-secretary',
      message: '社区书记已是本序列最高层级',
    });
    expect(ruleMissing(secretary)).toMatchObject({
      rule: 'rule-missing',
      required: 'community-secretary',
      actual: null,
    });
  });
});

describe('yearsBetween', () => {
  it('counts years to one decimal, rounding down', () => {
    expect(yearsBetween('2020-01-01', '2023-01-01')).toBe(3);
    expect(yearsBetween('2020-01-02', '2023-01-01')).toBe(2.9);
  });
});

describe('evaluateRules', () => {
  it('lists every rule of the next step with whether it is met, the unmet ones as a refusal lists them', () => {
    const facts: CandidateFacts = { ...eligible, partyMember: false };
    const checks = evaluateRules(facts, secretary, rule, null, '2026-11-01');
    expect(checks.map((check) => [check.rule, check.met])).toEqual([
      ['years-in-rank', true],
      ['recent-annual-grades', true],
      ['education', true],
      ['party-membership', false],
    ]);
    expect(checks[0]).toMatchObject({ required: 3, actual: 5.4, message: '需任社区工作者满3年，现任5.4年' });
    expect(unmetRules(facts, secretary, rule, null, '2026-11-01')).toEqual([
      { rule: 'party-membership', required: true, actual: false, message: '需为中共党员' },
    ]);
  });

  it('counts free establishment places as met while at least one is left', () => {
    const limited = { ...rule, limitedByPlaces: true };
    expect(evaluateRules(eligible, secretary, limited, 2, '2026-11-01').at(-1)).toMatchObject({
      rule: 'establishment-places',
      met: true,
      actual: 2,
    });
  });
});
