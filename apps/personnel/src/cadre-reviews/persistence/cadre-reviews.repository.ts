import { Injectable } from '@nestjs/common';
import type { PerformanceGrade } from '@jianfu/contracts';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { CadreReviewScores } from '../domain/cadre-review-formula.js';

export interface CadreReviewRow extends CadreReviewScores {
  workerId: string;
  year: number;
  fieldVisitNotes: string;
  compositeTenths: number;
  result: PerformanceGrade;
  reviewedBy: string;
  /** The version of the district's `cadre-review` policy the composite and result were computed by. */
  policyVersion: number | null;
}

/** A review as the year's list shows it, with the worker's name. */
export type CadreReviewListing = CadreReviewRow & { name: string };

@Injectable()
export class CadreReviewsRepository {
  /** False when the worker's review for the year is already recorded. */
  async insert(tx: Transaction, review: CadreReviewRow): Promise<boolean> {
    const rows = await entityManagerOf(tx).query<{ worker_id: string }[]>(
      `INSERT INTO cadre_review (worker_id, year, debriefing_score, field_visit_score, field_visit_notes,
         household_survey_score, resident_satisfaction, composite_tenths, result, reviewed_by, policy_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (worker_id, year) DO NOTHING RETURNING worker_id`,
      [
        review.workerId,
        review.year,
        review.debriefingScore,
        review.fieldVisitScore,
        review.fieldVisitNotes,
        review.householdSurveyScore,
        review.residentSatisfaction,
        review.compositeTenths,
        review.result,
        review.reviewedBy,
        review.policyVersion,
      ],
    );
    return rows.length === 1;
  }

  /** One page of a year's reviews in a scope, best first, and how many there are. */
  async listInScope(
    tx: Transaction,
    scope: OrganisationScope,
    filter: { year: number; offset: number; limit: number },
  ): Promise<{ items: CadreReviewListing[]; total: number }> {
    const params: unknown[] = [scope.districtCode, filter.year];
    let where = 'w.district_code = $1 AND r.year = $2';
    if (scope.communityIds) {
      params.push(scope.communityIds);
      where += ` AND w.community_id = ANY($${params.length})`;
    } else if (scope.streetCodes) {
      params.push(scope.streetCodes);
      where += ` AND w.street_code = ANY($${params.length})`;
    }
    const items = await queryRows<CadreReviewListing>(
      tx,
      `SELECT r.worker_id AS "workerId", w.name, r.year, r.debriefing_score AS "debriefingScore",
              r.field_visit_score AS "fieldVisitScore", r.field_visit_notes AS "fieldVisitNotes",
              r.household_survey_score AS "householdSurveyScore", r.resident_satisfaction AS "residentSatisfaction",
              r.composite_tenths AS "compositeTenths", r.result, r.reviewed_by AS "reviewedBy",
              r.policy_version AS "policyVersion"
       FROM cadre_review r JOIN worker w ON w.id = r.worker_id
       WHERE ${where} ORDER BY r.composite_tenths DESC, w.employee_no
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, filter.offset, filter.limit],
    );
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM cadre_review r JOIN worker w ON w.id = r.worker_id WHERE ${where}`,
      params,
    );
    return { items, total };
  }
}
