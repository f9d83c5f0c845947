import type { PerformanceGrade } from '@jianfu/contracts';
import { gradeAtLeast, gradeLabels } from '../../assessments/domain/performance-grade.js';
import { type EducationLevel, educationLabels, educationRank } from '../../workers/domain/education.js';

export interface CareerStep {
  trackCode: string;
  code: string;
  name: string;
  ordinal: number;
  /** Reaching the step makes the worker their community's party secretary. */
  appointsSecretary?: boolean;
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
}

export type RuleName =
  | 'top-of-track'
  | 'years-in-rank'
  | 'recent-annual-grades'
  | 'certificate'
  | 'education'
  | 'party-membership'
  | 'establishment-places'
  | 'rule-missing';

export interface UnmetRule {
  rule: RuleName;
  message: string;
}

/** Whole and fractional years between two dates, counting 365.25 days a year. */
export function yearsBetween(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return Math.floor((days / 365.25) * 10) / 10;
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
  const unmet: UnmetRule[] = [];
  const years = yearsBetween(facts.since, asOf);
  if (years < rule.minYearsInRank) {
    unmet.push({
      rule: 'years-in-rank',
      message: `needs ${rule.minYearsInRank} years as ${facts.currentStep.name}; has ${years}`,
    });
  }
  if (rule.recentAnnualGrades > 0) {
    const recent = [...facts.annualGrades].sort((a, b) => b.year - a.year).slice(0, rule.recentAnnualGrades);
    const below = recent.filter((entry) => !gradeAtLeast(entry.grade, rule.recentAnnualMinGrade));
    if (recent.length < rule.recentAnnualGrades || below.length > 0) {
      const shown = recent.map((entry) => `${entry.year} ${gradeLabels[entry.grade]}`).join(', ') || 'none';
      unmet.push({
        rule: 'recent-annual-grades',
        message:
          `needs the last ${rule.recentAnnualGrades} annual grades at ${gradeLabels[rule.recentAnnualMinGrade]} ` +
          `or better; has ${shown}`,
      });
    }
  }
  for (const certificate of rule.requiredCertificates) {
    if (!facts.certificates.includes(certificate)) {
      unmet.push({ rule: 'certificate', message: `needs the certificate ${certificate}` });
    }
  }
  if (rule.minEducation && educationRank(facts.education) < educationRank(rule.minEducation)) {
    unmet.push({
      rule: 'education',
      message: `needs ${educationLabels[rule.minEducation]} or higher; has ${educationLabels[facts.education]}`,
    });
  }
  if (rule.requiresPartyMember && !facts.partyMember) {
    unmet.push({ rule: 'party-membership', message: 'needs to be a member of the Communist Party of China' });
  }
  if (rule.limitedByPlaces && (placesAvailable ?? 0) <= 0) {
    unmet.push({
      rule: 'establishment-places',
      message: `no career-establishment place is free for ${next.name} in the district`,
    });
  }
  return unmet;
}

export function topOfTrack(step: CareerStep): UnmetRule {
  return { rule: 'top-of-track', message: `${step.name} is the last step of its track` };
}
