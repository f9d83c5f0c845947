import { Injectable } from '@nestjs/common';
import type { PerformanceGrade } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { BallotGrade, CadreEvidence } from '../domain/cadre-review-evidence.js';

export interface CadreReviewCycleRow {
  id: string;
  districtCode: string;
  streetCode: string;
  year: number;
  status: string;
  round: number;
}

export interface CadreReviewResultRow {
  workerId: string;
  debriefingScore: number;
  fieldVisitScore: number;
  householdSurveyScore: number;
  residentSatisfaction: number;
  fieldVisitNotes: string;
  compositeTenths: number;
  result: PerformanceGrade;
  policyVersion: number;
}

export interface CadreEvidenceRow extends CadreEvidence {
  workerId: string;
  name: string;
  meeting: { heldOn: string; attendees: string[] } | null;
}

const uniqueViolation = '23505';

async function insertOnce(tx: Transaction, sql: string, parameters: unknown[]): Promise<boolean> {
  try {
    await entityManagerOf(tx).query(`SAVEPOINT insert_once`);
    await entityManagerOf(tx).query(sql, parameters);
    await entityManagerOf(tx).query(`RELEASE SAVEPOINT insert_once`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== uniqueViolation) throw error;
    await entityManagerOf(tx).query(`ROLLBACK TO SAVEPOINT insert_once`);
    return false;
  }
}

/** Cycles of the collected cadre review and their evidence; ballots append-only. */
@Injectable()
export class CadreReviewCyclesRepository {
  insertCycle(tx: Transaction, cycle: Omit<CadreReviewCycleRow, 'round'> & { openedBy: string }): Promise<boolean> {
    return insertOnce(
      tx,
      `INSERT INTO cadre_review_cycle (id, district_code, street_code, year, opened_by) VALUES ($1, $2, $3, $4, $5)`,
      [cycle.id, cycle.districtCode, cycle.streetCode, cycle.year, cycle.openedBy],
    );
  }

  async findCycle(tx: Transaction, id: string, lock = false): Promise<CadreReviewCycleRow | null> {
    const rows: CadreReviewCycleRow[] = await queryRows(
      tx,
      `SELECT id, district_code AS "districtCode", street_code AS "streetCode", year, status, round
         FROM cadre_review_cycle WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  insertMeeting(
    tx: Transaction,
    meeting: { cycleId: string; workerId: string; heldOn: string; attendees: string[]; recordedBy: string },
  ): Promise<boolean> {
    return insertOnce(
      tx,
      `INSERT INTO cadre_review_meeting (cycle_id, worker_id, held_on, attendees, recorded_by) VALUES ($1, $2, $3, $4, $5)`,
      [meeting.cycleId, meeting.workerId, meeting.heldOn, meeting.attendees, meeting.recordedBy],
    );
  }

  async attendees(tx: Transaction, cycleId: string, workerId: string): Promise<string[] | null> {
    const rows: { attendees: string[] }[] = await queryRows(
      tx,
      `SELECT attendees FROM cadre_review_meeting WHERE cycle_id = $1 AND worker_id = $2`,
      [cycleId, workerId],
    );
    return rows[0]?.attendees ?? null;
  }

  /** A voter's new ballot supersedes their standing one; both stay on record. */
  async castBallot(
    tx: Transaction,
    ballot: { cycleId: string; workerId: string; voterId: string; grade: BallotGrade },
  ): Promise<{ id: string; supersedes: string | null }> {
    const standing: { id: string }[] = await queryRows(
      tx,
      `SELECT b.id::text AS id FROM cadre_review_ballot b
        WHERE b.cycle_id = $1 AND b.worker_id = $2 AND b.voter_id = $3
          AND NOT EXISTS (SELECT 1 FROM cadre_review_ballot later WHERE later.supersedes = b.id)`,
      [ballot.cycleId, ballot.workerId, ballot.voterId],
    );
    const supersedes = standing[0]?.id ?? null;
    const rows: { id: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO cadre_review_ballot (cycle_id, worker_id, voter_id, grade, supersedes)
       VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
      [ballot.cycleId, ballot.workerId, ballot.voterId, ballot.grade, supersedes],
    );
    return { id: rows[0].id, supersedes };
  }

  async insertVisit(
    tx: Transaction,
    visit: {
      cycleId: string;
      workerId: string;
      reviewerId: string;
      visitedOn: string;
      checklist: { item: string; score: number }[];
      notes: string;
    },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO cadre_review_field_visit (cycle_id, worker_id, reviewer_id, visited_on, checklist, notes)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [visit.cycleId, visit.workerId, visit.reviewerId, visit.visitedOn, JSON.stringify(visit.checklist), visit.notes],
    );
  }

  insertHouseholdSurvey(
    tx: Transaction,
    survey: { cycleId: string; workerId: string; householdHash: string; answers: number[]; recordedBy: string },
  ): Promise<boolean> {
    return insertOnce(
      tx,
      `INSERT INTO cadre_review_household_survey (cycle_id, worker_id, household_hash, answers, recorded_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [survey.cycleId, survey.workerId, survey.householdHash, survey.answers, survey.recordedBy],
    );
  }

  insertQuestionnaire(
    tx: Transaction,
    questionnaire: {
      cycleId: string;
      workerId: string;
      sampleSize: number;
      satisfied: number;
      basicallySatisfied: number;
      dissatisfied: number;
      recordedBy: string;
    },
  ): Promise<boolean> {
    return insertOnce(
      tx,
      `INSERT INTO cadre_review_questionnaire (cycle_id, worker_id, sample_size, satisfied, basically_satisfied,
         dissatisfied, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        questionnaire.cycleId,
        questionnaire.workerId,
        questionnaire.sampleSize,
        questionnaire.satisfied,
        questionnaire.basicallySatisfied,
        questionnaire.dissatisfied,
        questionnaire.recordedBy,
      ],
    );
  }

  /** The evidence of every cadre of the street with any evidence or a meeting in the cycle (standing ballots only). */
  evidence(tx: Transaction, cycleId: string): Promise<CadreEvidenceRow[]> {
    return queryRows(
      tx,
      `WITH cadres AS (
         SELECT worker_id FROM cadre_review_meeting WHERE cycle_id = $1
         UNION SELECT worker_id FROM cadre_review_field_visit WHERE cycle_id = $1
         UNION SELECT worker_id FROM cadre_review_household_survey WHERE cycle_id = $1
         UNION SELECT worker_id FROM cadre_review_questionnaire WHERE cycle_id = $1)
       SELECT w.id AS "workerId", w.name,
         (SELECT json_build_object('heldOn', to_char(m.held_on, 'YYYY-MM-DD'), 'attendees', m.attendees)
            FROM cadre_review_meeting m WHERE m.cycle_id = $1 AND m.worker_id = w.id) AS meeting,
         ARRAY(SELECT b.grade FROM cadre_review_ballot b
                WHERE b.cycle_id = $1 AND b.worker_id = w.id
                  AND NOT EXISTS (SELECT 1 FROM cadre_review_ballot later WHERE later.supersedes = b.id)
                ORDER BY b.id) AS ballots,
         COALESCE((SELECT json_agg((SELECT json_agg((entry->>'score')::int) FROM jsonb_array_elements(v.checklist) entry)
                            ORDER BY v.id)
                     FROM cadre_review_field_visit v WHERE v.cycle_id = $1 AND v.worker_id = w.id), '[]'::json) AS visits,
         COALESCE((SELECT json_agg(to_json(s.answers) ORDER BY s.id)
                     FROM cadre_review_household_survey s WHERE s.cycle_id = $1 AND s.worker_id = w.id), '[]'::json)
           AS households,
         (SELECT json_build_object('sampleSize', q.sample_size, 'satisfied', q.satisfied,
                                   'basicallySatisfied', q.basically_satisfied)
            FROM cadre_review_questionnaire q WHERE q.cycle_id = $1 AND q.worker_id = w.id) AS questionnaire
       FROM cadres c JOIN worker w ON w.id = c.worker_id
       ORDER BY w.name`,
      [cycleId],
    );
  }

  async setStatus(tx: Transaction, cycleId: string, status: string, round?: number): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE cadre_review_cycle SET status = $2, round = COALESCE($3, round) WHERE id = $1`,
      [cycleId, status, round ?? null],
    );
  }

  async insertResults(tx: Transaction, cycleId: string, round: number, results: CadreReviewResultRow[]): Promise<void> {
    for (const row of results) {
      await entityManagerOf(tx).query(
        `INSERT INTO cadre_review_cycle_result (cycle_id, round, worker_id, debriefing_score, field_visit_score,
           household_survey_score, resident_satisfaction, field_visit_notes, composite_tenths, result, policy_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
        [
          cycleId,
          round,
          row.workerId,
          row.debriefingScore,
          row.fieldVisitScore,
          row.householdSurveyScore,
          row.residentSatisfaction,
          row.fieldVisitNotes,
          row.compositeTenths,
          row.result,
          row.policyVersion,
        ],
      );
    }
  }

  results(tx: Transaction, cycleId: string, round: number): Promise<CadreReviewResultRow[]> {
    return queryRows(
      tx,
      `SELECT worker_id AS "workerId", debriefing_score AS "debriefingScore", field_visit_score AS "fieldVisitScore",
              household_survey_score AS "householdSurveyScore", resident_satisfaction AS "residentSatisfaction",
              field_visit_notes AS "fieldVisitNotes", composite_tenths AS "compositeTenths", result,
              policy_version AS "policyVersion"
         FROM cadre_review_cycle_result WHERE cycle_id = $1 AND round = $2 ORDER BY worker_id`,
      [cycleId, round],
    );
  }

  /** The notes of a cadre's field visits, oldest first, for the annual review record. */
  async visitNotes(tx: Transaction, cycleId: string, workerId: string): Promise<string> {
    const rows: { notes: string }[] = await queryRows(
      tx,
      `SELECT notes FROM cadre_review_field_visit WHERE cycle_id = $1 AND worker_id = $2 ORDER BY id`,
      [cycleId, workerId],
    );
    return rows.map((row) => row.notes).join('；');
  }

  /**
   * 居民满意度 of a year's questionnaires per community (the cadre's community) in a district, optionally only some
   * streets; counts are summed, so a community's share weighs every resident asked the same.
   */
  satisfactionByCommunity(
    tx: Transaction,
    filter: { districtCode: string; year: number; streetCodes?: string[] },
  ): Promise<
    {
      streetCode: string;
      communityId: string;
      sampleSize: number;
      satisfied: number;
      basicallySatisfied: number;
      dissatisfied: number;
    }[]
  > {
    return queryRows(
      tx,
      `SELECT c.street_code AS "streetCode", w.community_id AS "communityId",
              sum(q.sample_size)::int AS "sampleSize", sum(q.satisfied)::int AS satisfied,
              sum(q.basically_satisfied)::int AS "basicallySatisfied", sum(q.dissatisfied)::int AS dissatisfied
         FROM cadre_review_questionnaire q
         JOIN cadre_review_cycle c ON c.id = q.cycle_id
         JOIN worker w ON w.id = q.worker_id
        WHERE c.district_code = $1 AND c.year = $2 AND ($3::text[] IS NULL OR c.street_code = ANY($3))
        GROUP BY c.street_code, w.community_id
        ORDER BY c.street_code, w.community_id`,
      [filter.districtCode, filter.year, filter.streetCodes ?? null],
    );
  }
}
