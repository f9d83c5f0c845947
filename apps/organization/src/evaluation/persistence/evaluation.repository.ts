import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { DepartmentTally, RatingGrade } from '../domain/evaluation-period.js';

export interface DepartmentRating {
  communityId: string;
  departmentId: string;
  period: string;
  grade: RatingGrade;
  comment: string | null;
  ratedBy: string;
  ratedAt: string;
}

export interface DepartmentAnnualAssessment {
  departmentId: string;
  year: number;
  score: number;
  rank: number;
  ratings: number;
  violations: number;
  policyVersion: number;
  opinionRequestId: string;
  completedBy: string;
  completedAt: string;
}

const assessmentColumns = `department_id AS "departmentId", year, score::float8 AS score, rank, ratings, violations,
  policy_version AS "policyVersion", opinion_request_id AS "opinionRequestId", completed_by AS "completedBy",
  completed_at AS "completedAt"`;

/** 双评议: communities' ratings of departments, and violations the admission gate recorded against them. */
@Injectable()
export class EvaluationRepository {
  /** One rating per community, department and period; rating again replaces the earlier grade. */
  async saveRating(tx: Transaction, rating: Omit<DepartmentRating, 'ratedAt'>): Promise<DepartmentRating> {
    const rows: DepartmentRating[] = await entityManagerOf(tx).query(
      `INSERT INTO department_rating (community_id, department_id, period, grade, comment, rated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (community_id, department_id, period) DO UPDATE
         SET grade = EXCLUDED.grade, comment = EXCLUDED.comment, rated_by = EXCLUDED.rated_by, rated_at = now()
       RETURNING community_id AS "communityId", department_id AS "departmentId", period, grade, comment,
                 rated_by AS "ratedBy", rated_at AS "ratedAt"`,
      [rating.communityId, rating.departmentId, rating.period, rating.grade, rating.comment, rating.ratedBy],
    );
    return rows[0];
  }

  /** A redelivered violation (same id) is recorded once. */
  async recordViolation(
    tx: Transaction,
    violation: {
      violationId: string;
      departmentId: string;
      communityId: string;
      taskId: string | null;
      reason: string;
      recordedAt: string;
    },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO department_violation (violation_id, department_id, community_id, task_id, reason, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (violation_id) DO NOTHING`,
      [
        violation.violationId,
        violation.departmentId,
        violation.communityId,
        violation.taskId,
        violation.reason,
        violation.recordedAt,
      ],
    );
  }

  async tallies(
    tx: Transaction,
    districtCode: string,
    period: string,
    range: { from: string; to: string },
  ): Promise<DepartmentTally[]> {
    return queryRows(
      tx,
      `SELECT d.id AS "departmentId", d.code, d.name,
              (SELECT count(*)::int FROM department_rating r WHERE r.department_id = d.id AND r.period = $2 AND r.grade = 'satisfied') AS satisfied,
              (SELECT count(*)::int FROM department_rating r WHERE r.department_id = d.id AND r.period = $2 AND r.grade = 'basically-satisfied') AS "basicallySatisfied",
              (SELECT count(*)::int FROM department_rating r WHERE r.department_id = d.id AND r.period = $2 AND r.grade = 'dissatisfied') AS dissatisfied,
              (SELECT count(*)::int FROM department_violation v
                WHERE v.department_id = d.id AND v.recorded_at >= $3 AND v.recorded_at < $4) AS violations,
              (SELECT count(DISTINCT t.task_id)::int FROM dispatched_task t
                WHERE t.department_id = d.id AND t.dispatched_at >= $3 AND t.dispatched_at < $4) AS "tasksDispatched"
       FROM department d WHERE d.district_code = $1 ORDER BY d.code`,
      [districtCode, period, range.from, range.to],
    );
  }

  async findAnnualAssessment(
    tx: Transaction,
    departmentId: string,
    year: number,
  ): Promise<DepartmentAnnualAssessment | null> {
    const rows: DepartmentAnnualAssessment[] = await queryRows(
      tx,
      `SELECT ${assessmentColumns} FROM department_annual_assessment WHERE department_id = $1 AND year = $2`,
      [departmentId, year],
    );
    return rows[0] ?? null;
  }

  /** One completed assessment per department and year: a second completion inserts nothing (null). */
  async insertAnnualAssessment(
    tx: Transaction,
    assessment: Omit<DepartmentAnnualAssessment, 'completedAt'> & { districtCode: string },
  ): Promise<DepartmentAnnualAssessment | null> {
    const rows: DepartmentAnnualAssessment[] = await entityManagerOf(tx).query(
      `INSERT INTO department_annual_assessment (department_id, year, district_code, score, rank, ratings, violations,
         policy_version, opinion_request_id, completed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (department_id, year) DO NOTHING RETURNING ${assessmentColumns}`,
      [
        assessment.departmentId,
        assessment.year,
        assessment.districtCode,
        assessment.score,
        assessment.rank,
        assessment.ratings,
        assessment.violations,
        assessment.policyVersion,
        assessment.opinionRequestId,
        assessment.completedBy,
      ],
    );
    return rows[0] ?? null;
  }
}
