import { DomainError } from '@jianfu/platform';
import { EvaluationErrors } from './evaluation.errors.js';

/** An evaluation period: a year (2026), a half (2026-H1), a quarter (2026-Q3) or a month (2026-07). */
export const evaluationPeriodPattern = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/**
 * The instants a period covers, [from, to), on Beijing time: a violation recorded at 23:30 on 31 December
 * UTC+8 belongs to that year, not the next.
 */
export function periodRange(period: string): { from: string; to: string } {
  const match = evaluationPeriodPattern.exec(period);
  if (!match) {
    throw DomainError.of(
      EvaluationErrors['evaluation.period-invalid'],
      `${period} is not a year, half, quarter or month (2026, 2026-H1, 2026-Q3, 2026-07)`,
      {
        field: 'period',
      },
    );
  }
  const year = Number(match[1]);
  const part = match[2];
  let firstMonth = 1;
  let months = 12;
  if (part?.startsWith('H')) [firstMonth, months] = [(Number(part.slice(1)) - 1) * 6 + 1, 6];
  else if (part?.startsWith('Q')) [firstMonth, months] = [(Number(part.slice(1)) - 1) * 3 + 1, 3];
  else if (part) [firstMonth, months] = [Number(part), 1];
  const endMonthIndex = firstMonth - 1 + months;
  const at = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`;
  return { from: at(year, firstMonth), to: at(year + Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1) };
}

export type RatingGrade = 'satisfied' | 'basically-satisfied' | 'dissatisfied';
export const ratingGrades: readonly RatingGrade[] = ['satisfied', 'basically-satisfied', 'dissatisfied'];

export interface DepartmentTally {
  departmentId: string;
  code: string;
  name: string;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  violations: number;
  /** Tasks the department had dispatched to communities in the period: the burden it adds (not scored). */
  tasksDispatched: number;
}

export interface RankedDepartment extends DepartmentTally {
  rank: number;
  ratings: number;
  satisfactionScore: number | null;
  violationPenalty: number;
  score: number;
}

/**
 * 双评议 ranking: the communities' average grade (满意 / 基本满意 / 不满意 as the district's points, so grades
 * average into a score out of 100), less a penalty per violation the admission gate recorded against the
 * department. A department nobody rated starts from zero.
 */
export function rankDepartments(
  tallies: DepartmentTally[],
  penaltyPerViolation: number,
  gradePoints: Record<RatingGrade, number>,
): RankedDepartment[] {
  const scored = tallies.map((tally) => {
    const ratings = tally.satisfied + tally.basicallySatisfied + tally.dissatisfied;
    const points =
      tally.satisfied * gradePoints.satisfied +
      tally.basicallySatisfied * gradePoints['basically-satisfied'] +
      tally.dissatisfied * gradePoints.dissatisfied;
    const satisfactionScore = ratings > 0 ? Math.round((points / ratings) * 10) / 10 : null;
    const violationPenalty = tally.violations * penaltyPerViolation;
    const score = Math.round(((satisfactionScore ?? 0) - violationPenalty) * 10) / 10;
    return { ...tally, ratings, satisfactionScore, violationPenalty, score, rank: 0 };
  });
  scored.sort((a, b) => b.score - a.score || a.violations - b.violations || a.code.localeCompare(b.code));
  // Equal scores share a rank (1, 2, 2, 4).
  scored.forEach((entry, index) => {
    entry.rank = index > 0 && scored[index - 1].score === entry.score ? scored[index - 1].rank : index + 1;
  });
  return scored;
}
