import type { PerformanceGrade } from '@jianfu/contracts';
import { DomainError } from '@jianfu/platform';
import { gradeLabels } from './performance-grade.js';
import { AssessmentErrors } from './assessments.errors.js';

export type QuotaRounding = 'floor' | 'round' | 'ceil';

/** The share of a cohort (percent) that may hold 优秀 and 良好, and how a share becomes a head count. */
export interface GradeQuotas {
  excellentPercent: number;
  goodPercent: number;
  rounding: QuotaRounding;
}

/**
 * The most workers of a cohort of `cohortSize` that may hold a grade limited to `percent`. Integer
 * arithmetic, so 20% of 10 is exactly 2 under every rounding rule.
 */
export function quotaHeadCount(cohortSize: number, percent: number, rounding: QuotaRounding): number {
  const scaled = cohortSize * percent;
  if (rounding === 'floor') return Math.floor(scaled / 100);
  if (rounding === 'ceil') return Math.ceil(scaled / 100);
  // Half rounds up: 2.5 heads become 3.
  return Math.floor((scaled * 2 + 100) / 200);
}

export interface QuotaBreach {
  grade: PerformanceGrade;
  graded: number;
  allowed: number;
  percent: number;
}

/** Which limited grades exceed their quota in a cohort; empty when the grades may be closed. */
export function quotaBreaches(cohortSize: number, grades: PerformanceGrade[], quotas: GradeQuotas): QuotaBreach[] {
  const count = (grade: PerformanceGrade) => grades.filter((g) => g === grade).length;
  const limits: [PerformanceGrade, number][] = [
    ['excellent', quotas.excellentPercent],
    ['good', quotas.goodPercent],
  ];
  return limits
    .map(([grade, percent]) => ({
      grade,
      graded: count(grade),
      allowed: quotaHeadCount(cohortSize, percent, quotas.rounding),
      percent,
    }))
    .filter((breach) => breach.graded > breach.allowed);
}

export function describeBreach(breach: QuotaBreach, cohortSize: number): string {
  return (
    `${gradeLabels[breach.grade]} is given to ${breach.graded} of ${cohortSize} workers; ` +
    `at most ${breach.percent}% (${breach.allowed}) may hold it`
  );
}

export function assertWithinQuotas(cohortSize: number, grades: PerformanceGrade[], quotas: GradeQuotas): void {
  const breaches = quotaBreaches(cohortSize, grades, quotas);
  if (breaches.length > 0) {
    throw DomainError.of(
      AssessmentErrors['assessment.quota-exceeded'],
      breaches.map((breach) => describeBreach(breach, cohortSize)).join('; '),
    );
  }
}
