import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { selectPage } from '../../persistence/select-page.js';
import { insertUnlessDuplicate } from '../../persistence/unique-insert.js';
import type { ResidentUnitKind, ResidentUnitView } from '../domain/resident-unit.js';

type Page = { offset: number; limit: number };

export interface AgreementProject {
  committedBy: 'community' | 'unit';
  title: string;
  description?: string | null;
}

export interface AgreementView {
  id: string;
  code: string;
  communityId: string;
  communityCode: string;
  residentUnitId: string;
  residentUnitName: string;
  startsOn: string;
  endsOn: string;
  signedBy: string;
  projects: AgreementProject[];
}

export interface JointMeetingView {
  id: string;
  communityId: string;
  heldOn: string;
  topic: string;
  resolutions: string[];
  attendance: { residentUnitId: string; residentUnitName: string; present: boolean; representative: string | null }[];
}

export interface JointCommitteeView {
  id: string;
  kind: 'street-joint-working-committee' | 'community-joint-committee';
  name: string;
  streetCode: string | null;
  communityId: string | null;
  members: { residentUnitId: string; residentUnitName: string; position: string }[];
}

/** A committee as callers see it, without the district used for scope checks. */
export function committeeView(committee: JointCommitteeView): JointCommitteeView {
  const { id, kind, name, streetCode, communityId, members } = committee;
  return { id, kind, name, streetCode, communityId, members };
}

const unitColumns = `u.id, u.code, u.name, u.kind, u.party_member_count AS "partyMemberCount", u.community_id AS "communityId",
  c.code AS "communityCode", s.code AS "streetCode", s.district_code AS "districtCode"`;
const unitFrom = 'resident_unit u JOIN community c ON c.id = u.community_id JOIN street s ON s.id = c.street_id';

const agreementColumns = `a.id, a.code, a.community_id AS "communityId", c.code AS "communityCode",
  a.resident_unit_id AS "residentUnitId", u.name AS "residentUnitName",
  to_char(a.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(a.ends_on, 'YYYY-MM-DD') AS "endsOn", a.signed_by AS "signedBy",
  COALESCE((SELECT json_agg(json_build_object('committedBy', p.committed_by, 'title', p.title, 'description', p.description)
                            ORDER BY p.committed_by, p.title)
            FROM agreement_project p WHERE p.agreement_id = a.id), '[]'::json) AS projects`;
const agreementFrom =
  'agreement a JOIN community c ON c.id = a.community_id JOIN resident_unit u ON u.id = a.resident_unit_id';

const meetingColumns = `m.id, m.community_id AS "communityId", to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn", m.topic, m.resolutions,
  COALESCE((SELECT json_agg(json_build_object('residentUnitId', x.resident_unit_id, 'residentUnitName', u.name,
                                              'present', x.present, 'representative', x.representative) ORDER BY u.code)
            FROM joint_meeting_attendance x JOIN resident_unit u ON u.id = x.resident_unit_id
            WHERE x.meeting_id = m.id), '[]'::json) AS attendance`;

const committeeColumns = `j.id, j.kind, j.name, s.code AS "streetCode", j.community_id AS "communityId",
  COALESCE((SELECT json_agg(json_build_object('residentUnitId', m.resident_unit_id, 'residentUnitName', u.name,
                                              'position', m.position) ORDER BY u.code)
            FROM joint_committee_member m JOIN resident_unit u ON u.id = m.resident_unit_id
            WHERE m.committee_id = j.id), '[]'::json) AS members`;

/** Resident units (驻区单位), their alliances and committees, co-building agreements and joint meetings. */
@Injectable()
export class CoBuildingRepository {
  insertUnit(
    tx: Transaction,
    unit: {
      id: string;
      code: string;
      name: string;
      kind: ResidentUnitKind;
      communityId: string;
      partyMemberCount: number;
    },
  ): Promise<boolean> {
    return insertUnlessDuplicate(
      tx,
      `INSERT INTO resident_unit (id, code, name, kind, community_id, party_member_count) VALUES ($1, $2, $3, $4, $5, $6)`,
      [unit.id, unit.code, unit.name, unit.kind, unit.communityId, unit.partyMemberCount],
    );
  }

  async findUnitByCode(tx: Transaction, code: string): Promise<ResidentUnitView | null> {
    const rows: ResidentUnitView[] = await queryRows(tx, `SELECT ${unitColumns} FROM ${unitFrom} WHERE u.code = $1`, [
      code,
    ]);
    return rows[0] ?? null;
  }

  async findUnit(tx: Transaction, id: string): Promise<ResidentUnitView | null> {
    const rows: ResidentUnitView[] = await queryRows(tx, `SELECT ${unitColumns} FROM ${unitFrom} WHERE u.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async listUnits(
    tx: Transaction,
    filter: { districtCode: string; communityId?: string },
    page: Page,
  ): Promise<{ items: ResidentUnitView[]; total: number }> {
    return selectPage(
      tx,
      {
        sql: `SELECT ${unitColumns} FROM ${unitFrom} WHERE s.district_code = $1 AND ($2::uuid IS NULL OR u.community_id = $2)`,
        orderBy: 'u.code',
        parameters: [filter.districtCode, filter.communityId ?? null],
      },
      page,
    );
  }

  async joinAlliance(tx: Transaction, communityId: string, residentUnitId: string, joinedOn: string): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO alliance_member (community_id, resident_unit_id, joined_on) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [communityId, residentUnitId, joinedOn],
    );
  }

  async allianceMembers(
    tx: Transaction,
    communityId: string,
  ): Promise<{ residentUnitId: string; name: string; joinedOn: string }[]> {
    return queryRows(
      tx,
      `SELECT a.resident_unit_id AS "residentUnitId", u.name, to_char(a.joined_on, 'YYYY-MM-DD') AS "joinedOn"
       FROM alliance_member a JOIN resident_unit u ON u.id = a.resident_unit_id WHERE a.community_id = $1 ORDER BY u.code`,
      [communityId],
    );
  }

  insertAgreement(
    tx: Transaction,
    agreement: {
      id: string;
      code: string;
      communityId: string;
      residentUnitId: string;
      startsOn: string;
      endsOn: string;
      signedBy: string;
    },
  ): Promise<boolean> {
    return insertUnlessDuplicate(
      tx,
      `INSERT INTO agreement (id, code, community_id, resident_unit_id, starts_on, ends_on, signed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        agreement.id,
        agreement.code,
        agreement.communityId,
        agreement.residentUnitId,
        agreement.startsOn,
        agreement.endsOn,
        agreement.signedBy,
      ],
    );
  }

  async insertProjects(
    tx: Transaction,
    agreementId: string,
    projects: (AgreementProject & { id: string })[],
  ): Promise<void> {
    for (const project of projects) {
      await entityManagerOf(tx).query(
        'INSERT INTO agreement_project (id, agreement_id, committed_by, title, description) VALUES ($1, $2, $3, $4, $5)',
        [project.id, agreementId, project.committedBy, project.title, project.description ?? null],
      );
    }
  }

  /** The code of an agreement between the same parties whose term overlaps [startsOn, endsOn). */
  async overlappingAgreement(
    tx: Transaction,
    communityId: string,
    residentUnitId: string,
    startsOn: string,
    endsOn: string,
  ): Promise<string | null> {
    // Serialises signings between one pair, so two overlapping agreements cannot both pass the check.
    await queryRows(tx, "SELECT pg_advisory_xact_lock(hashtext('agreement:' || $1 || ':' || $2))", [
      communityId,
      residentUnitId,
    ]);
    const rows: { code: string }[] = await queryRows(
      tx,
      `SELECT code FROM agreement WHERE community_id = $1 AND resident_unit_id = $2 AND starts_on < $4 AND ends_on > $3`,
      [communityId, residentUnitId, startsOn, endsOn],
    );
    return rows[0]?.code ?? null;
  }

  async findAgreement(tx: Transaction, id: string): Promise<AgreementView | null> {
    const rows: AgreementView[] = await queryRows(
      tx,
      `SELECT ${agreementColumns} FROM ${agreementFrom} WHERE a.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listAgreements(
    tx: Transaction,
    filter: { districtCode: string; communityId?: string },
    page: Page,
  ): Promise<{ items: AgreementView[]; total: number }> {
    return selectPage(
      tx,
      {
        sql: `SELECT ${agreementColumns} FROM ${agreementFrom} JOIN street s ON s.id = c.street_id
              WHERE s.district_code = $1 AND ($2::uuid IS NULL OR a.community_id = $2)`,
        orderBy: 'a.code',
        parameters: [filter.districtCode, filter.communityId ?? null],
      },
      page,
    );
  }

  async insertMeeting(
    tx: Transaction,
    meeting: {
      id: string;
      communityId: string;
      heldOn: string;
      topic: string;
      resolutions: string[];
      recordedBy: string;
      attendance: { residentUnitId: string; present: boolean; representative: string | null }[];
    },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO joint_meeting (id, community_id, held_on, topic, resolutions, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        meeting.id,
        meeting.communityId,
        meeting.heldOn,
        meeting.topic,
        JSON.stringify(meeting.resolutions),
        meeting.recordedBy,
      ],
    );
    for (const entry of meeting.attendance) {
      await entityManagerOf(tx).query(
        'INSERT INTO joint_meeting_attendance (meeting_id, resident_unit_id, present, representative) VALUES ($1, $2, $3, $4)',
        [meeting.id, entry.residentUnitId, entry.present, entry.representative],
      );
    }
  }

  async listMeetings(tx: Transaction, communityId: string): Promise<JointMeetingView[]> {
    return queryRows(
      tx,
      `SELECT ${meetingColumns} FROM joint_meeting m WHERE m.community_id = $1 ORDER BY m.held_on, m.recorded_at`,
      [communityId],
    );
  }

  async findMeeting(tx: Transaction, id: string): Promise<JointMeetingView | null> {
    const rows: JointMeetingView[] = await queryRows(
      tx,
      `SELECT ${meetingColumns} FROM joint_meeting m WHERE m.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  insertCommittee(
    tx: Transaction,
    committee: {
      id: string;
      kind: JointCommitteeView['kind'];
      name: string;
      streetId: string | null;
      communityId: string | null;
    },
  ): Promise<boolean> {
    return insertUnlessDuplicate(
      tx,
      'INSERT INTO joint_committee (id, kind, name, street_id, community_id) VALUES ($1, $2, $3, $4, $5)',
      [committee.id, committee.kind, committee.name, committee.streetId, committee.communityId],
    );
  }

  async findCommittee(tx: Transaction, id: string): Promise<(JointCommitteeView & { districtCode: string }) | null> {
    const rows: (JointCommitteeView & { districtCode: string })[] = await queryRows(
      tx,
      `SELECT ${committeeColumns}, COALESCE(s.district_code, cs.district_code) AS "districtCode"
       FROM joint_committee j LEFT JOIN street s ON s.id = j.street_id
       LEFT JOIN community c ON c.id = j.community_id LEFT JOIN street cs ON cs.id = c.street_id
       WHERE j.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The district's joint committees, or the one of a street or community given by its code. */
  async listCommittees(
    tx: Transaction,
    filter: { districtCode: string; unitCode?: string },
    page: Page,
  ): Promise<{ items: JointCommitteeView[]; total: number }> {
    return selectPage(
      tx,
      {
        sql: `SELECT ${committeeColumns}
              FROM joint_committee j LEFT JOIN street s ON s.id = j.street_id
              LEFT JOIN community c ON c.id = j.community_id LEFT JOIN street cs ON cs.id = c.street_id
              WHERE COALESCE(s.district_code, cs.district_code) = $1 AND ($2::text IS NULL OR s.code = $2 OR c.code = $2)`,
        orderBy: 'j.kind DESC, j.name, j.id',
        parameters: [filter.districtCode, filter.unitCode ?? null],
      },
      page,
    );
  }

  async addCommitteeMember(
    tx: Transaction,
    committeeId: string,
    residentUnitId: string,
    position: string,
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO joint_committee_member (committee_id, resident_unit_id, position) VALUES ($1, $2, $3)
       ON CONFLICT (committee_id, resident_unit_id) DO UPDATE SET position = EXCLUDED.position`,
      [committeeId, residentUnitId, position],
    );
  }

  /** Per active community of the district: units, alliance, agreements active on `asOf`, projects, meetings in [from, to]. */
  async report(
    tx: Transaction,
    filter: { districtCode: string; streetCode?: string; asOf: string; from: string; to: string },
  ): Promise<CoBuildingReportRow[]> {
    return queryRows(
      tx,
      `SELECT c.id AS "communityId", c.code, c.name, s.code AS "streetCode",
              (SELECT count(*)::int FROM resident_unit u WHERE u.community_id = c.id) AS "residentUnits",
              (SELECT count(*)::int FROM alliance_member a WHERE a.community_id = c.id) AS "allianceMembers",
              (SELECT count(*)::int FROM agreement a WHERE a.community_id = c.id AND a.starts_on <= $3 AND a.ends_on > $3) AS "activeAgreements",
              (SELECT count(*)::int FROM agreement_project p JOIN agreement a ON a.id = p.agreement_id
                WHERE a.community_id = c.id AND a.starts_on <= $3 AND a.ends_on > $3 AND p.committed_by = 'community') AS "communityProjects",
              (SELECT count(*)::int FROM agreement_project p JOIN agreement a ON a.id = p.agreement_id
                WHERE a.community_id = c.id AND a.starts_on <= $3 AND a.ends_on > $3 AND p.committed_by = 'unit') AS "unitProjects",
              (SELECT count(*)::int FROM joint_meeting m WHERE m.community_id = c.id AND m.held_on BETWEEN $4 AND $5) AS "meetingsHeld",
              (SELECT count(*)::int FROM joint_meeting_attendance x JOIN joint_meeting m ON m.id = x.meeting_id
                WHERE m.community_id = c.id AND m.held_on BETWEEN $4 AND $5) AS "invitations",
              (SELECT count(*)::int FROM joint_meeting_attendance x JOIN joint_meeting m ON m.id = x.meeting_id
                WHERE m.community_id = c.id AND m.held_on BETWEEN $4 AND $5 AND x.present) AS "attendances"
       FROM community c JOIN street s ON s.id = c.street_id
       WHERE s.district_code = $1 AND c.status = 'active' AND ($2::text IS NULL OR s.code = $2)
       ORDER BY c.code`,
      [filter.districtCode, filter.streetCode ?? null, filter.asOf, filter.from, filter.to],
    );
  }
}

export interface CoBuildingReportRow {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  residentUnits: number;
  allianceMembers: number;
  activeAgreements: number;
  communityProjects: number;
  unitProjects: number;
  meetingsHeld: number;
  invitations: number;
  attendances: number;
}
