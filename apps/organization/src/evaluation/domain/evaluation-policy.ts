import { PolicyDocumentChecks, type PolicyViolation } from '@jianfu/platform';
import type { RatingGrade } from './evaluation-period.js';

/** The policy kind holding 双评议's points and penalty. */
export const evaluationPolicyKind = 'evaluation';

/** Organization's `evaluation` policy (双评议): points per rating grade and the penalty per violation. */
export interface EvaluationPolicy {
  gradePoints: { satisfied: number; basicallySatisfied: number; dissatisfied: number };
  violationPenalty: number;
}

export function gradePointsOf(policy: EvaluationPolicy): Record<RatingGrade, number> {
  return {
    satisfied: policy.gradePoints.satisfied,
    'basically-satisfied': policy.gradePoints.basicallySatisfied,
    dissatisfied: policy.gradePoints.dissatisfied,
  };
}

export function validateEvaluationPolicy(document: unknown): PolicyViolation[] {
  const checks = new PolicyDocumentChecks(document);
  if (!checks.object('', ['gradePoints', 'violationPenalty'])) return checks.violations;
  const grades = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
  if (checks.object('gradePoints', grades)) {
    const points = grades.map((grade) =>
      checks.integer(`gradePoints.${grade}`, {
        min: 0,
        max: 100,
        rule: 'points-0-to-100',
        missingRule: 'grade-missing',
      }),
    );
    checks.descending(
      grades.map((grade, index) => [`gradePoints.${grade}`, points[index]]),
      'points-fall-with-grade',
      'A better rating never scores less',
    );
  }
  checks.integer('violationPenalty', { min: 0, max: 100, rule: 'points-0-to-100' });
  return checks.violations;
}
