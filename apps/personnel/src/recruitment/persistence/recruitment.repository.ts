import { Injectable } from '@nestjs/common';
import type { RecruitmentStage } from '@jianfu/contracts/workflows';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { EducationLevel } from '../../workers/domain/education.js';

export interface PostingRow {
  id: string;
  title: string;
  districtCode: string;
  writtenPassMark: number;
  interviewPassMark: number;
  writtenWeightPercent: number;
  stage: RecruitmentStage;
  openedBy: string;
  openedAt: Date;
}

/** A posting as the list shows it: places offered, applications received, candidates still in the running. */
export interface PostingSummaryRow extends PostingRow {
  places: number;
  applications: number;
  inTheRunning: number;
}

export interface PlaceRow {
  communityId: string;
  streetCode: string;
  places: number;
}

export type ApplicationStatus = 'active' | 'dropped' | 'proposed' | 'standby' | 'hired' | 'not-hired';

export interface ApplicationRow {
  id: string;
  postingId: string;
  communityId: string;
  candidateNo: string;
  name: string;
  education: EducationLevel;
  partyMember: boolean;
  appliedAt: Date;
  writtenScore: number | null;
  interviewScore: number | null;
  inspectionResult: 'pass' | 'fail' | null;
  inspectionNote: string | null;
  status: ApplicationStatus;
  dropReason: string | null;
  totalThousandths: number | null;
  rank: number | null;
  workerId: string | null;
}

const postingColumns = `id, title, district_code AS "districtCode", written_pass_mark::float AS "writtenPassMark",
  interview_pass_mark::float AS "interviewPassMark", written_weight_percent AS "writtenWeightPercent", stage,
  opened_by AS "openedBy", opened_at AS "openedAt"`;

const applicationColumns = `id, posting_id AS "postingId", community_id AS "communityId", candidate_no AS "candidateNo",
  name, education, party_member AS "partyMember", applied_at AS "appliedAt", written_score::float AS "writtenScore",
  interview_score::float AS "interviewScore", inspection_result AS "inspectionResult",
  inspection_note AS "inspectionNote", status, drop_reason AS "dropReason", total_thousandths AS "totalThousandths",
  rank, worker_id AS "workerId"`;

const uniqueViolation = '23505';

/** Postings, their places per community, and the applications with scores and outcomes. */
@Injectable()
export class RecruitmentRepository {
  async insertPosting(tx: Transaction, posting: Omit<PostingRow, 'openedAt'>, places: PlaceRow[]): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO recruitment_posting (id, title, district_code, written_pass_mark, interview_pass_mark,
         written_weight_percent, stage, opened_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        posting.id,
        posting.title,
        posting.districtCode,
        posting.writtenPassMark,
        posting.interviewPassMark,
        posting.writtenWeightPercent,
        posting.stage,
        posting.openedBy,
      ],
    );
    for (const place of places) {
      await entityManagerOf(tx).query(
        'INSERT INTO recruitment_place (posting_id, community_id, street_code, places) VALUES ($1, $2, $3, $4)',
        [posting.id, place.communityId, place.streetCode, place.places],
      );
    }
  }

  async posting(tx: Transaction, id: string, lock = false): Promise<PostingRow | null> {
    const rows = await queryRows<PostingRow>(
      tx,
      `SELECT ${postingColumns} FROM recruitment_posting WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** One page of the district's postings, newest first, each with its places and its applications counted. */
  async listPostings(
    tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: PostingSummaryRow[]; total: number }> {
    const rows = await queryRows<PostingSummaryRow>(
      tx,
      `SELECT ${postingColumns},
              (SELECT coalesce(sum(p.places), 0)::int FROM recruitment_place p WHERE p.posting_id = recruitment_posting.id)
                AS "places",
              (SELECT count(*)::int FROM recruitment_application a WHERE a.posting_id = recruitment_posting.id)
                AS "applications",
              (SELECT count(*)::int FROM recruitment_application a
                 WHERE a.posting_id = recruitment_posting.id AND a.status <> 'dropped') AS "inTheRunning"
       FROM recruitment_posting WHERE district_code = $1
       ORDER BY opened_at DESC, id OFFSET $2 LIMIT $3`,
      [districtCode, page.offset, page.limit],
    );
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      'SELECT count(*)::int AS total FROM recruitment_posting WHERE district_code = $1',
      [districtCode],
    );
    return { items: rows, total };
  }

  async places(tx: Transaction, postingId: string): Promise<PlaceRow[]> {
    return queryRows(
      tx,
      `SELECT community_id AS "communityId", street_code AS "streetCode", places FROM recruitment_place
       WHERE posting_id = $1`,
      [postingId],
    );
  }

  async setStage(tx: Transaction, postingId: string, stage: RecruitmentStage): Promise<void> {
    await entityManagerOf(tx).query('UPDATE recruitment_posting SET stage = $2 WHERE id = $1', [postingId, stage]);
  }

  /** False when the candidate number is already used in the posting. */
  async insertApplication(
    tx: Transaction,
    application: Pick<
      ApplicationRow,
      'id' | 'postingId' | 'communityId' | 'candidateNo' | 'name' | 'education' | 'partyMember'
    >,
  ): Promise<boolean> {
    await entityManagerOf(tx).query('SAVEPOINT application_insert');
    try {
      await entityManagerOf(tx).query(
        `INSERT INTO recruitment_application (id, posting_id, community_id, candidate_no, name, education, party_member,
           status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'active')`,
        [
          application.id,
          application.postingId,
          application.communityId,
          application.candidateNo,
          application.name,
          application.education,
          application.partyMember,
        ],
      );
      await entityManagerOf(tx).query('RELEASE SAVEPOINT application_insert');
      return true;
    } catch (error) {
      await entityManagerOf(tx).query('ROLLBACK TO SAVEPOINT application_insert');
      if ((error as { code?: string }).code === uniqueViolation) return false;
      if ((error as { driverError?: { code?: string } }).driverError?.code === uniqueViolation) return false;
      throw error;
    }
  }

  async applications(tx: Transaction, postingId: string): Promise<ApplicationRow[]> {
    return queryRows(
      tx,
      `SELECT ${applicationColumns} FROM recruitment_application WHERE posting_id = $1
       ORDER BY community_id, rank NULLS LAST, candidate_no`,
      [postingId],
    );
  }

  async setScore(tx: Transaction, applicationId: string, field: 'written' | 'interview', score: number): Promise<void> {
    const column = field === 'written' ? 'written_score' : 'interview_score';
    await entityManagerOf(tx).query(`UPDATE recruitment_application SET ${column} = $2 WHERE id = $1`, [
      applicationId,
      score,
    ]);
  }

  async setInspection(tx: Transaction, applicationId: string, result: 'pass' | 'fail', note: string): Promise<void> {
    await entityManagerOf(tx).query(
      'UPDATE recruitment_application SET inspection_result = $2, inspection_note = $3 WHERE id = $1',
      [applicationId, result, note],
    );
  }

  async drop(tx: Transaction, applicationId: string, reason: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE recruitment_application SET status = 'dropped', drop_reason = $2 WHERE id = $1`,
      [applicationId, reason],
    );
  }

  async rank(
    tx: Transaction,
    applicationId: string,
    ranking: { totalThousandths: number; rank: number; status: ApplicationStatus },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      'UPDATE recruitment_application SET total_thousandths = $2, rank = $3, status = $4 WHERE id = $1',
      [applicationId, ranking.totalThousandths, ranking.rank, ranking.status],
    );
  }

  async settle(
    tx: Transaction,
    applicationId: string,
    status: ApplicationStatus,
    workerId: string | null,
  ): Promise<void> {
    await entityManagerOf(tx).query('UPDATE recruitment_application SET status = $2, worker_id = $3 WHERE id = $1', [
      applicationId,
      status,
      workerId,
    ]);
  }
}
