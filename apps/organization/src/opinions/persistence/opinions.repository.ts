import { Injectable } from '@nestjs/common';
import type { OpinionPurpose, OpinionSubjectKind } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { OpinionAnswerKind } from '../domain/opinion-answer.js';

export type OpinionRequestStatus = 'publicising' | 'window-closed' | 'closed' | 'withdrawn' | 'not-started';

export interface LinkedMemberView {
  id: string;
  personId: string;
  personName: string;
  departmentId: string;
  communityId: string;
  linkedSince: string;
}

export interface OpinionRequestRow {
  id: string;
  districtCode: string;
  subjectKind: OpinionSubjectKind;
  subjectId: string;
  subjectName: string;
  departmentId: string | null;
  purpose: OpinionPurpose;
  publicityText: string;
  windowWorkingDays: number;
  status: OpinionRequestStatus;
  requestedBy: string;
  requestedAt: string;
  windowClosedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  communityIds: string[];
}

export interface OpinionAnswerRow {
  id: string;
  communityId: string;
  answer: OpinionAnswerKind;
  reason: string | null;
  answeredBy: string;
  answeredAt: string;
  supersedes: string | null;
}

export interface ResidentObjectionRow {
  id: string;
  communityId: string;
  objection: string;
  recordedBy: string;
  recordedAt: string;
}

const requestColumns = `r.id, r.district_code AS "districtCode", r.subject_kind AS "subjectKind", r.subject_id AS "subjectId",
  r.subject_name AS "subjectName", r.department_id AS "departmentId", r.purpose, r.publicity_text AS "publicityText",
  r.window_working_days AS "windowWorkingDays", r.status, r.requested_by AS "requestedBy",
  r.requested_at AS "requestedAt", r.window_closed_at AS "windowClosedAt", r.closed_by AS "closedBy",
  r.closed_at AS "closedAt",
  ARRAY(SELECT c.community_id::text FROM opinion_request_community c WHERE c.request_id = r.id ORDER BY c.community_id)
    AS "communityIds"`;

const answerColumns = `a.id::text AS id, a.community_id AS "communityId", a.answer, a.reason, a.answered_by AS "answeredBy",
  a.answered_at AS "answeredAt", a.supersedes::text AS supersedes`;

/** Linked communities (挂钩社区) of agency party members, and opinion requests with their answers and objections. */
@Injectable()
export class OpinionsRepository {
  /** One link per person and community: linking again returns false and changes nothing. */
  async insertLinkedMember(
    tx: Transaction,
    member: LinkedMemberView & { districtCode: string; recordedBy: string },
  ): Promise<boolean> {
    const rows: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO linked_member (id, person_id, person_name, department_id, community_id, district_code, linked_since, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (person_id, community_id) DO NOTHING RETURNING id`,
      [
        member.id,
        member.personId,
        member.personName,
        member.departmentId,
        member.communityId,
        member.districtCode,
        member.linkedSince,
        member.recordedBy,
      ],
    );
    return rows.length > 0;
  }

  linkedMembers(tx: Transaction, filter: { communityId?: string; personId?: string }): Promise<LinkedMemberView[]> {
    return queryRows(
      tx,
      `SELECT id, person_id AS "personId", person_name AS "personName", department_id AS "departmentId",
              community_id AS "communityId", to_char(linked_since, 'YYYY-MM-DD') AS "linkedSince"
         FROM linked_member
        WHERE ($1::uuid IS NULL OR community_id = $1) AND ($2::text IS NULL OR person_id = $2)
        ORDER BY person_name, community_id`,
      [filter.communityId ?? null, filter.personId ?? null],
    );
  }

  async insertRequest(
    tx: Transaction,
    request: Omit<OpinionRequestRow, 'windowClosedAt' | 'closedBy' | 'closedAt' | 'status'>,
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO opinion_request (id, district_code, subject_kind, subject_id, subject_name, department_id, purpose,
         publicity_text, window_working_days, status, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'publicising', $10, $11)`,
      [
        request.id,
        request.districtCode,
        request.subjectKind,
        request.subjectId,
        request.subjectName,
        request.departmentId,
        request.purpose,
        request.publicityText,
        request.windowWorkingDays,
        request.requestedBy,
        request.requestedAt,
      ],
    );
    for (const communityId of request.communityIds) {
      await entityManagerOf(tx).query(
        `INSERT INTO opinion_request_community (request_id, community_id) VALUES ($1, $2)`,
        [request.id, communityId],
      );
    }
  }

  async findRequest(tx: Transaction, id: string, lock = false): Promise<OpinionRequestRow | null> {
    if (lock) await queryRows(tx, `SELECT 1 FROM opinion_request WHERE id = $1 FOR UPDATE`, [id]);
    const rows: OpinionRequestRow[] = await queryRows(
      tx,
      `SELECT ${requestColumns} FROM opinion_request r WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async setStatus(
    tx: Transaction,
    id: string,
    status: OpinionRequestStatus,
    details: { windowClosedAt?: string; closedBy?: string; closedAt?: string } = {},
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE opinion_request SET status = $2, window_closed_at = COALESCE($3, window_closed_at),
              closed_by = COALESCE($4, closed_by), closed_at = COALESCE($5, closed_at)
        WHERE id = $1`,
      [id, status, details.windowClosedAt ?? null, details.closedBy ?? null, details.closedAt ?? null],
    );
  }

  /** Every answer ever recorded, oldest first: corrections and what they superseded. */
  answers(tx: Transaction, requestId: string): Promise<OpinionAnswerRow[]> {
    return queryRows(tx, `SELECT ${answerColumns} FROM opinion_answer a WHERE a.request_id = $1 ORDER BY a.id`, [
      requestId,
    ]);
  }

  /** The answer of each community that no later record superseded. */
  standingAnswers(tx: Transaction, requestId: string): Promise<OpinionAnswerRow[]> {
    return queryRows(
      tx,
      `SELECT ${answerColumns} FROM opinion_answer a
        WHERE a.request_id = $1
          AND NOT EXISTS (SELECT 1 FROM opinion_answer later WHERE later.supersedes = a.id)
        ORDER BY a.community_id`,
      [requestId],
    );
  }

  async insertAnswer(
    tx: Transaction,
    answer: {
      requestId: string;
      communityId: string;
      answer: OpinionAnswerKind;
      reason: string | null;
      answeredBy: string;
      supersedes: string | null;
    },
  ): Promise<OpinionAnswerRow> {
    const rows: OpinionAnswerRow[] = await entityManagerOf(tx).query(
      `INSERT INTO opinion_answer AS a (request_id, community_id, answer, reason, answered_by, supersedes)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${answerColumns}`,
      [answer.requestId, answer.communityId, answer.answer, answer.reason, answer.answeredBy, answer.supersedes],
    );
    return rows[0];
  }

  async insertObjection(
    tx: Transaction,
    objection: { requestId: string; communityId: string; objection: string; recordedBy: string },
  ): Promise<ResidentObjectionRow> {
    const rows: ResidentObjectionRow[] = await entityManagerOf(tx).query(
      `INSERT INTO resident_objection (request_id, community_id, objection, recorded_by) VALUES ($1, $2, $3, $4)
       RETURNING id::text AS id, community_id AS "communityId", objection, recorded_by AS "recordedBy",
                 recorded_at AS "recordedAt"`,
      [objection.requestId, objection.communityId, objection.objection, objection.recordedBy],
    );
    return rows[0];
  }

  objections(tx: Transaction, requestId: string): Promise<ResidentObjectionRow[]> {
    return queryRows(
      tx,
      `SELECT id::text AS id, community_id AS "communityId", objection, recorded_by AS "recordedBy",
              recorded_at AS "recordedAt"
         FROM resident_objection WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
  }

  /**
   * The latest request about a subject for a purpose that its requester closed since a given time: what a
   * decision waiting on the communities' opinion (a department's annual assessment) needs.
   */
  async latestClosed(
    tx: Transaction,
    filter: {
      districtCode: string;
      subjectKind: OpinionSubjectKind;
      subjectId: string;
      purpose: OpinionPurpose;
      closedSince: string;
    },
  ): Promise<{ requestId: string; closedAt: string } | null> {
    const rows: { requestId: string; closedAt: string }[] = await queryRows(
      tx,
      `SELECT id AS "requestId", closed_at AS "closedAt" FROM opinion_request
        WHERE district_code = $1 AND subject_kind = $2 AND subject_id = $3 AND purpose = $4
          AND status = 'closed' AND closed_at >= $5
        ORDER BY closed_at DESC LIMIT 1`,
      [filter.districtCode, filter.subjectKind, filter.subjectId, filter.purpose, filter.closedSince],
    );
    return rows[0] ?? null;
  }

  /**
   * Requests in a district, optionally of one department or only those publicising now, with their standing
   * tally; disagreements first, then the newest. Capped: a screen for the organisation department, not an export.
   */
  listWithTally(
    tx: Transaction,
    filter: {
      districtCode: string;
      departmentId?: string;
      /** Only requests that asked at least one of these communities (a street- or community-scoped reader). */
      communityIds?: string[];
      openOnly: boolean;
      limit: number;
    },
  ): Promise<(Omit<OpinionRequestRow, 'publicityText'> & { tally: Record<string, number> })[]> {
    return queryRows(
      tx,
      `WITH standing AS (
         SELECT a.request_id, a.community_id, a.answer FROM opinion_answer a
          WHERE NOT EXISTS (SELECT 1 FROM opinion_answer later WHERE later.supersedes = a.id)),
       tallies AS (
         SELECT rc.request_id,
                count(*) FILTER (WHERE s.answer = 'agree')::int AS agree,
                count(*) FILTER (WHERE s.answer = 'disagree')::int AS disagree,
                count(*) FILTER (WHERE s.answer = 'no-objection')::int AS "noObjection",
                count(*) FILTER (WHERE s.answer IS NULL OR s.answer = 'no-opinion')::int AS "noOpinion"
           FROM opinion_request_community rc
           LEFT JOIN standing s ON s.request_id = rc.request_id AND s.community_id = rc.community_id
          GROUP BY rc.request_id)
       SELECT ${requestColumns.replace('r.publicity_text AS "publicityText", ', '')},
              json_build_object('agree', t.agree, 'disagree', t.disagree, 'noObjection', t."noObjection",
                                'noOpinion', t."noOpinion") AS tally
         FROM opinion_request r JOIN tallies t ON t.request_id = r.id
        WHERE r.district_code = $1 AND ($2::uuid IS NULL OR r.department_id = $2)
          AND (NOT $3 OR r.status = 'publicising')
          AND ($5::uuid[] IS NULL OR EXISTS (SELECT 1 FROM opinion_request_community rc
                WHERE rc.request_id = r.id AND rc.community_id = ANY($5::uuid[])))
        ORDER BY t.disagree DESC, r.requested_at DESC
        LIMIT $4`,
      [filter.districtCode, filter.departmentId ?? null, filter.openOnly, filter.limit, filter.communityIds ?? null],
    );
  }
}
