import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { CommunityMeetingUsage, MeetingSummonsStatus, MeetingSummonsView } from '../domain/meeting-summons.js';

/** A summons as it is first written: only the allowance admits at once; nobody has decided yet. */
export type NewMeetingSummons = Omit<
  MeetingSummonsView,
  'admittedBy' | 'submittedAt' | 'decidedBy' | 'decidedAt' | 'decisionReason'
> & { admittedBy: 'allowance' | null };

const columns = `id, district_code AS "districtCode", department_id AS "departmentId", title,
  to_char(meeting_date, 'YYYY-MM-DD') AS date, hours::float8 AS hours, mode,
  attendees_per_community AS "attendeesPerCommunity", basis, community_ids AS "communityIds", status,
  admitted_by AS "admittedBy", policy_version AS "policyVersion", over_allowance AS "overAllowance",
  submitted_by AS "submittedBy", submitted_at AS "submittedAt", decided_by AS "decidedBy", decided_at AS "decidedAt",
  decision_reason AS "decisionReason"`;

@Injectable()
export class MeetingSummonsRepository {
  /**
   * What the department's admitted meetings already take of each community's allowance in the month of `date`.
   * Holds a lock on the department's month to commit, so two summonses never both fit the last slot.
   */
  async usage(
    tx: Transaction,
    departmentId: string,
    date: string,
    communityIds: string[],
  ): Promise<CommunityMeetingUsage[]> {
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`meetings:${departmentId}:${date.slice(0, 7)}`]);
    return queryRows<CommunityMeetingUsage>(
      tx,
      `SELECT c.community_id AS "communityId", count(m.id)::int AS meetings, COALESCE(sum(m.hours), 0)::float8 AS hours
       FROM unnest($3::uuid[]) AS c (community_id)
       LEFT JOIN meeting_summons m
         ON c.community_id = ANY (m.community_ids) AND m.department_id = $1 AND m.status = 'admitted'
        AND date_trunc('month', m.meeting_date) = date_trunc('month', $2::date)
       GROUP BY c.community_id ORDER BY c.community_id`,
      [departmentId, date, communityIds],
    );
  }

  async insert(tx: Transaction, summons: NewMeetingSummons): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO meeting_summons (id, district_code, department_id, title, meeting_date, hours, mode,
         attendees_per_community, basis, community_ids, status, admitted_by, policy_version, over_allowance,
         submitted_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
               CASE WHEN $11 = 'admitted' THEN now() END)`,
      [
        summons.id,
        summons.districtCode,
        summons.departmentId,
        summons.title,
        summons.date,
        summons.hours,
        summons.mode,
        summons.attendeesPerCommunity,
        summons.basis,
        summons.communityIds,
        summons.status,
        summons.admittedBy,
        summons.policyVersion,
        JSON.stringify(summons.overAllowance),
        summons.submittedBy,
      ],
    );
  }

  async find(tx: Transaction, id: string, forUpdate = false): Promise<MeetingSummonsView | null> {
    const [row] = await queryRows<MeetingSummonsView>(
      tx,
      `SELECT ${columns} FROM meeting_summons WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** Closes a summons in review; answers the closing time, or null when it was no longer in review. */
  async close(
    tx: Transaction,
    id: string,
    outcome: {
      status: MeetingSummonsStatus;
      admittedBy: 'review' | null;
      decidedBy: string | null;
      reason: string | null;
    },
  ): Promise<Date | null> {
    // An UPDATE answers [rows, count].
    const [rows] = await entityManagerOf(tx).query<[{ decided_at: Date }[], number]>(
      `UPDATE meeting_summons SET status = $2, admitted_by = $3, decided_by = $4, decision_reason = $5, decided_at = now()
       WHERE id = $1 AND status = 'in-review' RETURNING decided_at`,
      [id, outcome.status, outcome.admittedBy, outcome.decidedBy, outcome.reason],
    );
    return rows[0]?.decided_at ?? null;
  }

  /** The meetings admitted for a community, newest first. */
  async listForCommunity(
    tx: Transaction,
    communityId: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: MeetingSummonsView[]; total: number }> {
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM meeting_summons WHERE $1 = ANY (community_ids) AND status = 'admitted'`,
      [communityId],
    );
    const items = await queryRows<MeetingSummonsView>(
      tx,
      `SELECT ${columns} FROM meeting_summons WHERE $1 = ANY (community_ids) AND status = 'admitted'
       ORDER BY meeting_date DESC, id OFFSET $2 LIMIT $3`,
      [communityId, page.offset, page.limit],
    );
    return { items, total };
  }
}
