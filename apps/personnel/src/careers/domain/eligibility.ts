import type { PerformanceGrade } from '@jianfu/contracts';
import { gradeAtLeast, gradeLabels } from '../../assessments/domain/performance-grade.js';
import { certificateName } from '../../workers/domain/certificates.js';
import { type EducationLevel, educationLabels, educationRank } from '../../workers/domain/education.js';

export interface CareerStep {
  trackCode: string;
  code: string;
  name: string;
  ordinal: number;
  /** Reaching the step makes the worker their community's party secretary. */
  appointsSecretary?: boolean;
  /** A leadership post: the promotion waits for a closed opinion request in the linked communities. */
  leadership?: boolean;
}

/** What a worker needs to move up to `stepCode` on a track, in one district (or the default `*`). */
export interface StepRule {
  districtCode: string;
  trackCode: string;
  stepCode: string;
  minYearsInRank: number;
  /** How many of the most recent annual grades count, and the lowest grade each may be. */
  recentAnnualGrades: number;
  recentAnnualMinGrade: Exclude<PerformanceGrade, 'unqualified'>;
  requiredCertificates: string[];
  minEducation: EducationLevel | null;
  requiresPartyMember: boolean;
  /** The step is a career-establishment post (编制): only as many holders as the district has places. */
  limitedByPlaces: boolean;
}

export interface CandidateFacts {
  currentStep: CareerStep;
  /** The date the worker reached the current step, YYYY-MM-DD. */
  since: string;
  certificates: string[];
  education: EducationLevel;
  partyMember: boolean;
  /** Finalised annual grades, any order. */
  annualGrades: { year: number; grade: PerformanceGrade }[];
  /** The latest closed opinion request (征求意见) about the worker for a promotion, if any. */
  promotionOpinionRequest?: { requestId: string; disagree: number; closedAt: string } | null;
}

export type RuleName =
  | 'top-of-track'
  | 'years-in-rank'
  | 'recent-annual-grades'
  | 'certificate'
  | 'education'
  | 'party-membership'
  | 'establishment-places'
  | 'opinion-request'
  | 'rule-missing';

/** What a rule asks for, or what the worker has: a number, a code, a flag, a list, or nothing. */
export type RuleValue =
  | number
  | string
  | boolean
  | null
  | string[]
  | { count: number; minGrade: PerformanceGrade }
  | { year: number; grade: PerformanceGrade }[];

/**
 * One rule a worker does not meet: its code, what it requires, what the worker has, and the same in
 * Chinese prose for people. Clients read `rule`, `required` and `actual`; `message` is for display.
 */
export interface UnmetRule {
  rule: RuleName;
  required: RuleValue;
  actual: RuleValue;
  message: string;
}

/** Whole and fractional years between two dates, counting 365.25 days a year. */
export function yearsBetween(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return Math.floor((days / 365.25) * 10) / 10;
}

/** One rule of the next step, evaluated: the unmet entry's fields and whether the worker meets it. */
export interface RuleCheck extends UnmetRule {
  met: boolean;
}

/**
 * Every rule of the next step with whether the worker meets it, in the rule table's order, so a person
 * sees what is done as well as what is missing. Certificates give one entry each.
 */
export function evaluateRules(
  facts: CandidateFacts,
  next: CareerStep,
  rule: StepRule,
  placesAvailable: number | null,
  asOf: string,
): RuleCheck[] {
  const checks: RuleCheck[] = [];
  const years = yearsBetween(facts.since, asOf);
  checks.push({
    rule: 'years-in-rank',
    met: years >= rule.minYearsInRank,
    required: rule.minYearsInRank,
    actual: years,
    message: `需任${facts.currentStep.name}满${rule.minYearsInRank}年，现任${years}年`,
  });
  if (rule.recentAnnualGrades > 0) {
    const recent = [...facts.annualGrades]
      .sort((a, b) => b.year - a.year)
      .slice(0, rule.recentAnnualGrades)
      .map(({ year, grade }) => ({ year, grade }));
    const below = recent.filter((entry) => !gradeAtLeast(entry.grade, rule.recentAnnualMinGrade));
    const shown = recent.map((entry) => `${entry.year}年${gradeLabels[entry.grade]}`).join('、') || '无';
    checks.push({
      rule: 'recent-annual-grades',
      met: recent.length >= rule.recentAnnualGrades && below.length === 0,
      required: { count: rule.recentAnnualGrades, minGrade: rule.recentAnnualMinGrade },
      actual: recent,
      message:
        `需最近${rule.recentAnnualGrades}年年度考核均为${gradeLabels[rule.recentAnnualMinGrade]}及以上，` +
        `现为${shown}`,
    });
  }
  for (const certificate of rule.requiredCertificates) {
    checks.push({
      rule: 'certificate',
      met: facts.certificates.includes(certificate),
      required: certificate,
      actual: [...facts.certificates],
      message: `需持有${certificateName(certificate)}`,
    });
  }
  if (rule.minEducation) {
    checks.push({
      rule: 'education',
      met: educationRank(facts.education) >= educationRank(rule.minEducation),
      required: rule.minEducation,
      actual: facts.education,
      message: `需${educationLabels[rule.minEducation]}及以上学历，现为${educationLabels[facts.education]}`,
    });
  }
  if (rule.requiresPartyMember) {
    checks.push({
      rule: 'party-membership',
      met: facts.partyMember,
      required: true,
      actual: facts.partyMember,
      message: facts.partyMember ? '需为中共党员，现为中共党员' : '需为中共党员',
    });
  }
  if (rule.limitedByPlaces) {
    const free = placesAvailable ?? 0;
    checks.push({
      rule: 'establishment-places',
      met: free > 0,
      required: 1,
      actual: free,
      message: free > 0 ? `本区${next.name}事业编制尚有${free}个空余名额` : `本区${next.name}事业编制已无空余名额`,
    });
  }
  if (next.leadership) {
    // Seed 002: 机关在职党员…提拔调整…时，必须在挂钩社区公示，征求社区党组织意见.
    const closed = facts.promotionOpinionRequest;
    checks.push({
      rule: 'opinion-request',
      met: Boolean(closed),
      required: 'closed-opinion-request',
      actual: closed ? closed.requestId : null,
      message: closed
        ? `提拔至${next.name}须先在挂钩社区公示并征求社区党组织意见（进社区双公示），已于${closed.closedAt.slice(0, 10)}结束征求意见`
        : `提拔至${next.name}须先在挂钩社区公示并征求社区党组织意见（进社区双公示），尚无已结束的征求意见`,
    });
  }
  return checks;
}

/**
 * Every rule the worker does not yet meet for the next step; empty means eligible. All rules are
 * checked, so the worker (and whoever decides) sees everything still missing at once.
 */
export function unmetRules(
  facts: CandidateFacts,
  next: CareerStep,
  rule: StepRule,
  placesAvailable: number | null,
  asOf: string,
): UnmetRule[] {
  return evaluateRules(facts, next, rule, placesAvailable, asOf)
    .filter((check) => !check.met)
    .map(({ rule: name, required, actual, message }) => ({ rule: name, required, actual, message }));
}

export function topOfTrack(step: CareerStep): UnmetRule {
  return { rule: 'top-of-track', required: null, actual: step.code, message: `${step.name}已是本序列最高层级` };
}

export function ruleMissing(next: CareerStep): UnmetRule {
  return { rule: 'rule-missing', required: next.code, actual: null, message: `本区未设置晋升${next.name}的条件` };
}

/** The unmet rules as one line of prose, each led by its code, for a problem's `detail` or a closing reason. */
export function describeUnmet(unmet: UnmetRule[]): string {
  return unmet.map((entry) => `[${entry.rule}] ${entry.message}`).join('；');
}
