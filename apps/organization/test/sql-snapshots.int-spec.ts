import { describe, expect, it } from '@jest/globals';
import { testDistrictCode } from '@jianfu/testing/unit';
import {
  currentInfrastructure,
  generateSqlSnapshots,
  repositoriesWithoutSnapshot,
  repositorySnapshot,
  type ServiceSqlSnapshots,
  staleSqlSnapshots,
  writeSqlSnapshots,
} from '@jianfu/testing';
import { ApprovalInboxRepository, type InboxViewer } from '@jianfu/approvals';
import { organizationPersistence } from '../src/app.module.js';
import { OrganisationUnitsRepository } from '../src/communities/persistence/organisation-units.repository.js';
import { BurdenRepository } from '../src/burden/persistence/burden.repository.js';
import { EvaluationRepository } from '../src/evaluation/persistence/evaluation.repository.js';
import { FacilitiesRepository } from '../src/facilities/persistence/facilities.repository.js';
import { RosterRepository } from '../src/roster/persistence/roster.repository.js';
import { CoBuildingRepository } from '../src/co-building/persistence/co-building.repository.js';
import { CommunityDemandsRepository } from '../src/demands/persistence/community-demands.repository.js';
import { DepartmentsRepository } from '../src/departments/persistence/departments.repository.js';
import { OpinionsRepository } from '../src/opinions/persistence/opinions.repository.js';
import { PartyOrganisationsRepository } from '../src/party-organisations/persistence/party-organisations.repository.js';
import { entityManagerOf } from '@jianfu/platform/persistence';

/**
 * The SQL of organization's repositories, snapshotted to `apps/organization/sql/` so a query change shows in
 * review. This suite regenerates the files in memory and fails when a committed one differs; `npm run sql:snapshot`
 * runs it with JIANFU_RECORD_SQL=1 to write them.
 */
const record = process.env.JIANFU_RECORD_SQL === '1';

const ids = {
  street: '00000000-0000-4000-8000-000000000001',
  community: '00000000-0000-4000-8000-000000000002',
  survivor: '00000000-0000-4000-8000-000000000003',
  grid: '00000000-0000-4000-8000-000000000004',
  request: '00000000-0000-4000-8000-000000000005',
  bare: '00000000-0000-4000-8000-000000000006',
  department: '00000000-0000-4000-8000-000000000007',
  opinionRequest: '00000000-0000-4000-8000-000000000008',
  rosterWorker: '00000000-0000-4000-8000-00000000000a',
  residentUnit: '00000000-0000-4000-8000-00000000000b',
  agreement: '00000000-0000-4000-8000-00000000000c',
  committee: '00000000-0000-4000-8000-00000000000d',
  meeting: '00000000-0000-4000-8000-00000000000e',
  fresh: '00000000-0000-4000-8000-000000000009',
};
const page = { offset: 0, limit: 20 };
const districtScope = { districtCode: testDistrictCode };
const burdenFilter = { from: '2026-01-01', to: '2026-04-01', communityIds: [ids.community] };
const streetScope = { districtCode: testDistrictCode, streetCodes: ['S01'] };
const inboxViewer: InboxViewer = {
  userId: 'user-7',
  roles: ['community-secretary'],
  scopeRefs: [],
  districtCode: testDistrictCode,
  scope: { districtCode: testDistrictCode },
};

export const organizationSqlSnapshots: ServiceSqlSnapshots = {
  service: 'organization',
  folder: new URL('../sql/', import.meta.url),
  ...organizationPersistence,
  async seed(tx) {
    await entityManagerOf(tx).query(
      `INSERT INTO street (id, code, name, district_code) VALUES ($1, 'S01', '东街街道', $2)`,
      [ids.street, testDistrictCode],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO community (id, code, name, street_id)
       VALUES ($1, 'C01', '东门社区', $4), ($2, 'C02', '西门社区', $4), ($3, 'C03', '南门社区', $4)`,
      [ids.community, ids.survivor, ids.bare, ids.street],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO grid (id, code, name, community_id) VALUES ($1, 'G01', '一网格', $2)`,
      [ids.grid, ids.community],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO party_organisation (community_id, kind, member_count) VALUES ($1, 'branch', 20), ($2, 'branch', 30)`,
      [ids.community, ids.survivor],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO department (id, code, name, district_code) VALUES ($1, 'D01', '区民政局', $2)`,
      [ids.department, testDistrictCode],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO opinion_request (id, district_code, subject_kind, subject_id, subject_name, department_id, purpose,
         publicity_text, window_working_days, status, requested_by, requested_at)
       VALUES ($1, $2, 'person', 'person-1', '王五', $3, 'promotion', '公示', 5, 'publicising', 'user-1', now())`,
      [ids.opinionRequest, testDistrictCode, ids.department],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO resident_unit (id, code, name, kind, community_id, party_member_count)
       VALUES ($1, 'U01', '区第一中学', 'school', $2, 12)`,
      [ids.residentUnit, ids.community],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO agreement (id, code, community_id, resident_unit_id, starts_on, ends_on, signed_by)
       VALUES ($1, 'A01', $2, $3, '2026-01-01', '2026-12-31', 'user-1')`,
      [ids.agreement, ids.community, ids.residentUnit],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO joint_committee (id, kind, name, community_id) VALUES ($1, 'community-joint-committee', '东门联席会', $2)`,
      [ids.committee, ids.community],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO roster_worker (worker_id, community_id, name, as_of) VALUES ($1, $2, '林二', now())`,
      [ids.rosterWorker, ids.community],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO opinion_request_community (request_id, community_id) VALUES ($1, $2)`,
      [ids.opinionRequest, ids.community],
    );
  },
  repositories: [
    repositorySnapshot('organisation-units.repository.sql', new OrganisationUnitsRepository(), {
      findStreetByCode: (r, tx) => r.findStreetByCode(tx, 'S01'),
      claimCode: (r, tx) => r.claimCode(tx, 'C09'),
      insertStreet: (r, tx) =>
        r.insertStreet(tx, { id: ids.fresh, code: 'S09', name: '新街道', districtCode: testDistrictCode }),
      insertCommunity: (r, tx) =>
        r.insertCommunity(tx, { id: ids.fresh, code: 'C09', name: '新社区', streetId: ids.street }),
      insertGrid: (r, tx) =>
        r.insertGrid(tx, { id: ids.fresh, code: 'G09', name: '新网格', communityId: ids.community }),
      findCommunity: (r, tx) => r.findCommunity(tx, ids.community),
      listStreets: (r, tx) => r.listStreets(tx, streetScope, page),
      listCommunities: (r, tx) => r.listCommunities(tx, streetScope, { includeMerged: false }),
      listCommunitiesPage: (r, tx) =>
        r.listCommunitiesPage(tx, districtScope, { streetCode: 'S01', includeMerged: true }, page),
      listGrids: (r, tx) => r.listGrids(tx, ids.community, page),
      findUnitByCode: (r, tx) => r.findUnitByCode(tx, 'G01'),
      rename: (r, tx) => r.rename(tx, 'community', ids.community, '东门新社区'),
      moveCommunity: (r, tx) => r.moveCommunity(tx, ids.community, ids.street),
      moveGrids: (r, tx) => r.moveGrids(tx, [ids.grid], ids.survivor),
      findGridsByCode: (r, tx) => r.findGridsByCode(tx, ['G01']),
      mergeCommunity: (r, tx) => r.mergeCommunity(tx, ids.community, ids.survivor),
      recordChange: (r, tx) =>
        r.recordChange(tx, {
          unitKind: 'community',
          unitId: ids.community,
          unitCode: 'C01',
          change: 'renamed',
          details: { from: '东门社区', to: '东门新社区' },
          changedBy: 'user-1',
        }),
      history: (r, tx) => r.history(tx, 'C01'),
    }),
    repositorySnapshot('party-organisations.repository.sql', new PartyOrganisationsRepository(), {
      create: (r, tx) => r.create(tx, { communityId: ids.bare, kind: 'branch', memberCount: 3 }),
      findForUpdate: (r, tx) => r.findForUpdate(tx, ids.community),
      setMemberCount: (r, tx) => r.setMemberCount(tx, ids.community, 25),
      setSecretary: (r, tx) =>
        r.setSecretary(tx, ids.community, { workerId: ids.fresh, name: '林书记', appointedAt: new Date(0) }),
      find: (r, tx) => r.find(tx, ids.community),
      hasPendingRequest: (r, tx) => r.hasPendingRequest(tx, ids.community),
      changeKind: (r, tx) => r.changeKind(tx, ids.community, 'general-branch'),
      insertRequest: (r, tx) =>
        r.insertRequest(tx, {
          id: ids.request,
          communityId: ids.community,
          fromKind: 'branch',
          toKind: 'general-branch',
          memberCount: 60,
          status: 'awaiting-decision',
          requestedBy: 'user-1',
          requestedAt: new Date(0),
        }),
      findRequest: (r, tx) => r.findRequest(tx, ids.request),
      findRequestForUpdate: (r, tx) => r.findRequestForUpdate(tx, ids.request),
      report: (r, tx) => r.report(tx, testDistrictCode, 'S01'),
      closeRequest: (r, tx) =>
        r.closeRequest(tx, ids.request, { status: 'approved', decidedBy: 'user-2', reason: null }),
    }),
    repositorySnapshot('burden.repository.sql', new BurdenRepository(), {
      recordDispatch: (r, tx) =>
        r.recordDispatch(tx, {
          taskId: ids.fresh,
          departmentId: ids.department,
          communityIds: [ids.community, ids.survivor],
          dispatchedAt: '2026-03-01T00:00:00.000Z',
        }),
      perCommunity: (r, tx) => r.perCommunity(tx, burdenFilter),
      perDepartment: (r, tx) => r.perDepartment(tx, { ...burdenFilter, departmentId: ids.department }),
      distinctTasks: (r, tx) => r.distinctTasks(tx, burdenFilter),
    }),
    repositorySnapshot('evaluation.repository.sql', new EvaluationRepository(), {
      saveRating: (r, tx) =>
        r.saveRating(tx, {
          communityId: ids.community,
          departmentId: ids.department,
          period: '2026-Q1',
          grade: 'satisfied',
          comment: null,
          ratedBy: 'secretary-1',
        }),
      recordViolation: (r, tx) =>
        r.recordViolation(tx, {
          violationId: ids.fresh,
          departmentId: ids.department,
          communityId: ids.community,
          taskId: null,
          reason: '违规摊派',
          recordedAt: '2026-03-01T00:00:00.000Z',
        }),
      tallies: (r, tx) => r.tallies(tx, testDistrictCode, '2026-Q1', { from: '2026-01-01', to: '2026-04-01' }),
      findAnnualAssessment: (r, tx) => r.findAnnualAssessment(tx, ids.department, 2025),
      insertAnnualAssessment: (r, tx) =>
        r.insertAnnualAssessment(tx, {
          departmentId: ids.department,
          year: 2025,
          score: 92.5,
          rank: 1,
          ratings: 12,
          violations: 0,
          policyVersion: 1,
          opinionRequestId: ids.opinionRequest,
          completedBy: 'user-1',
          districtCode: testDistrictCode,
        }),
    }),
    repositorySnapshot('facilities.repository.sql', new FacilitiesRepository(), {
      save: (r, tx) =>
        r.save(tx, {
          communityId: ids.community,
          officeAreaM2: 320,
          serviceAreaM2: 260,
          stations: ['one-stop-centre', 'health-station'],
          updatedBy: 'user-1',
        }),
      find: (r, tx) => r.find(tx, ids.community),
      report: (r, tx) => r.report(tx, testDistrictCode, 'S01'),
    }),
    repositorySnapshot('roster.repository.sql', new RosterRepository(), {
      placeWorker: (r, tx) =>
        r.placeWorker(tx, {
          workerId: ids.fresh,
          communityId: ids.community,
          name: '林一',
          hiredAt: '2026-01-01',
          asOf: '2026-01-01T00:00:00.000Z',
        }),
      recordStep: (r, tx) =>
        r.recordStep(tx, ids.rosterWorker, {
          requestId: ids.request,
          trackCode: 'post',
          stepCode: 'community-secretary',
          stepName: '社区书记',
          since: '2026-02-01',
        }),
      ofCommunity: (r, tx) => r.ofCommunity(tx, ids.community),
    }),
    repositorySnapshot('co-building.repository.sql', new CoBuildingRepository(), {
      insertUnit: (r, tx) =>
        r.insertUnit(tx, {
          id: ids.fresh,
          code: 'U09',
          name: '区人民医院',
          kind: 'hospital',
          communityId: ids.community,
          partyMemberCount: 30,
        }),
      findUnitByCode: (r, tx) => r.findUnitByCode(tx, 'U01'),
      findUnit: (r, tx) => r.findUnit(tx, ids.residentUnit),
      listUnits: (r, tx) => r.listUnits(tx, { districtCode: testDistrictCode, communityId: ids.community }, page),
      joinAlliance: (r, tx) => r.joinAlliance(tx, ids.community, ids.residentUnit, '2026-01-01'),
      allianceMembers: (r, tx) => r.allianceMembers(tx, ids.community),
      insertAgreement: (r, tx) =>
        r.insertAgreement(tx, {
          id: ids.fresh,
          code: 'A09',
          communityId: ids.community,
          residentUnitId: ids.residentUnit,
          startsOn: '2027-01-01',
          endsOn: '2027-12-31',
          signedBy: 'user-1',
        }),
      insertProjects: (r, tx) =>
        r.insertProjects(tx, ids.agreement, [
          { id: ids.fresh, committedBy: 'unit', title: '校园开放日', description: null },
        ]),
      overlappingAgreement: (r, tx) =>
        r.overlappingAgreement(tx, ids.community, ids.residentUnit, '2026-06-01', '2027-05-31'),
      findAgreement: (r, tx) => r.findAgreement(tx, ids.agreement),
      listAgreements: (r, tx) =>
        r.listAgreements(tx, { districtCode: testDistrictCode, communityId: ids.community }, page),
      insertMeeting: (r, tx) =>
        r.insertMeeting(tx, {
          id: ids.meeting,
          communityId: ids.community,
          heldOn: '2026-03-01',
          topic: '共建议事',
          resolutions: ['开放操场'],
          recordedBy: 'user-1',
          attendance: [{ residentUnitId: ids.residentUnit, present: true, representative: '校长' }],
        }),
      listMeetings: (r, tx) => r.listMeetings(tx, ids.community),
      findMeeting: (r, tx) => r.findMeeting(tx, ids.meeting),
      insertCommittee: (r, tx) =>
        r.insertCommittee(tx, {
          id: ids.fresh,
          kind: 'street-joint-working-committee',
          name: '东街联席会',
          streetId: ids.street,
          communityId: null,
        }),
      findCommittee: (r, tx) => r.findCommittee(tx, ids.committee),
      listCommittees: (r, tx) => r.listCommittees(tx, { districtCode: testDistrictCode, unitCode: 'C01' }, page),
      addCommitteeMember: (r, tx) => r.addCommitteeMember(tx, ids.committee, ids.residentUnit, '成员'),
      report: (r, tx) =>
        r.report(tx, {
          districtCode: testDistrictCode,
          streetCode: 'S01',
          asOf: '2026-06-30',
          from: '2026-01-01',
          to: '2026-06-30',
        }),
    }),
    repositorySnapshot('departments.repository.sql', new DepartmentsRepository(), {
      insert: (r, tx) => r.insert(tx, { id: ids.fresh, code: 'D09', name: '区财政局', districtCode: testDistrictCode }),
      find: (r, tx) => r.find(tx, ids.department),
      list: (r, tx) => r.list(tx, testDistrictCode, page),
      findByCode: (r, tx) => r.findByCode(tx, 'D01'),
      assignUser: (r, tx) =>
        r.assignUser(tx, ids.department, { userId: 'user-9', name: '赵六', role: 'department-submitter' }),
      removeUser: (r, tx) => r.removeUser(tx, ids.department, 'user-9'),
    }),
    repositorySnapshot('opinions.repository.sql', new OpinionsRepository(), {
      insertLinkedMember: (r, tx) =>
        r.insertLinkedMember(tx, {
          id: ids.fresh,
          personId: 'person-1',
          personName: '王五',
          departmentId: ids.department,
          communityId: ids.community,
          linkedSince: '2025-01-01',
          districtCode: testDistrictCode,
          recordedBy: 'user-1',
        }),
      linkedMembers: (r, tx) => r.linkedMembers(tx, { personId: 'person-1' }),
      insertRequest: (r, tx) =>
        r.insertRequest(tx, {
          id: ids.fresh,
          districtCode: testDistrictCode,
          subjectKind: 'department',
          subjectId: ids.department,
          subjectName: '区民政局',
          departmentId: ids.department,
          purpose: 'annual-assessment',
          publicityText: '公示',
          windowWorkingDays: 5,
          requestedBy: 'user-1',
          requestedAt: '2026-01-05T00:00:00.000Z',
          communityIds: [ids.community, ids.survivor],
        }),
      findRequest: (r, tx) => r.findRequest(tx, ids.opinionRequest, true),
      setStatus: (r, tx) =>
        r.setStatus(tx, ids.opinionRequest, 'closed', { closedBy: 'user-1', closedAt: '2026-01-20T00:00:00.000Z' }),
      answers: (r, tx) => r.answers(tx, ids.opinionRequest),
      standingAnswers: (r, tx) => r.standingAnswers(tx, ids.opinionRequest),
      insertAnswer: (r, tx) =>
        r.insertAnswer(tx, {
          requestId: ids.opinionRequest,
          communityId: ids.community,
          answer: 'agree',
          reason: null,
          answeredBy: 'secretary-1',
          supersedes: null,
        }),
      insertObjection: (r, tx) =>
        r.insertObjection(tx, {
          requestId: ids.opinionRequest,
          communityId: ids.community,
          objection: '群众反映',
          recordedBy: 'secretary-1',
        }),
      objections: (r, tx) => r.objections(tx, ids.opinionRequest),
      latestClosed: (r, tx) =>
        r.latestClosed(tx, {
          districtCode: testDistrictCode,
          subjectKind: 'person',
          subjectId: 'person-1',
          purpose: 'promotion',
          closedSince: '2026-01-01',
        }),
      listWithTally: (r, tx) =>
        r.listWithTally(tx, {
          districtCode: testDistrictCode,
          communityIds: [ids.community],
          openOnly: true,
          limit: 50,
        }),
    }),
    repositorySnapshot('community-demands.repository.sql', new CommunityDemandsRepository(), {
      record: (r, tx) =>
        r.record(tx, {
          kind: 'task',
          outcome: 'admitted',
          sourceId: ids.request,
          communityIds: [ids.community],
          departmentId: ids.department,
          month: '2027-01',
          hours: 0,
          occurredAt: '2027-01-05T02:00:00.000Z',
        }),
      counted: (r, tx) =>
        r.counted(tx, { from: '2027-01', to: '2027-03', communityIds: [ids.community], departmentId: ids.department }),
    }),
  ],
  plans: {
    file: 'hot-reads.explain.sql',
    tables: ['street', 'community', 'approval_inbox_item'],
    // A district of 40 streets and 2,000 communities beside another district's; 20,000 approval slots of
    // two districts, one in twenty still open, most held by role (the 待办 of a community's secretary).
    async seed(tx) {
      await entityManagerOf(tx).query(
        `INSERT INTO street (id, code, name, district_code)
         SELECT gen_random_uuid(), 'PS' || lpad(n::text, 3, '0'), '街道' || n, CASE WHEN n <= 40 THEN $1 ELSE 'other' END
         FROM generate_series(1, 80) AS n`,
        [testDistrictCode],
      );
      await entityManagerOf(tx).query(
        `INSERT INTO community (id, code, name, street_id)
         SELECT gen_random_uuid(), 'PC' || lpad(n::text, 5, '0'), '社区' || n,
                (SELECT id FROM street WHERE code = 'PS' || lpad((1 + n % 80)::text, 3, '0'))
         FROM generate_series(1, 4000) AS n`,
      );
      await entityManagerOf(tx).query(
        `INSERT INTO approval_inbox_item (workflow_id, step_id, slot_id, kind, subject_type, subject_id, title,
           district_code, submitter_id, step_name, assignee_user_id, assignee_role, state, step_state, deadline_at,
           opened_at, closed_at, last_sequence, decided_by)
         SELECT 'wf-' || n, 'review', 'slot-' || (n % 3), CASE WHEN n % 7 = 0 THEN 'copy' ELSE 'review' END,
                'submission', 'subject-' || n, '事项' || n, CASE WHEN n % 4 < 2 THEN $1 ELSE 'other' END,
                'user-' || (n % 50), '审核', CASE WHEN n % 5 = 0 THEN 'user-' || (n % 200) END,
                CASE WHEN n % 5 <> 0 THEN 'community-secretary' END,
                CASE WHEN n % 20 = 1 THEN 'open' ELSE 'done' END, CASE WHEN n % 20 = 1 THEN 'open' ELSE 'done' END,
                timestamptz '2026-01-01' + n * interval '1 hour', timestamptz '2025-12-01' + n * interval '1 minute',
                CASE WHEN n % 20 <> 1 THEN timestamptz '2026-01-01' + n * interval '1 minute' END, 1,
                CASE WHEN n % 20 <> 1 THEN 'user-' || (n % 200) END
         FROM generate_series(1, 20000) AS n`,
        [testDistrictCode],
      );
    },
    reads: {
      'GET /communities (district, first page)': (tx) =>
        new OrganisationUnitsRepository().listCommunitiesPage(tx, districtScope, { includeMerged: false }, page),
      'GET /communities (district, after a cursor)': (tx) =>
        new OrganisationUnitsRepository().listCommunitiesPage(
          tx,
          districtScope,
          { includeMerged: false, afterCode: 'PC02000' },
          page,
        ),
      'GET /approval-inbox?view=todo (待办 and its count)': (tx) =>
        new ApprovalInboxRepository().listFor(tx, inboxViewer, { view: 'todo', ...page }),
      'GET /approval-inbox?view=todo (after a cursor)': (tx) =>
        new ApprovalInboxRepository().listFor(tx, inboxViewer, {
          view: 'todo',
          ...page,
          after: {
            time: '2026-06-01T00:00:00.000Z',
            openedAt: '2026-01-01T00:00:00.000Z',
            workflowId: 'wf-1',
            stepId: 'review',
            slotId: 'slot-1',
          },
        }),
      'GET /approval-inbox?view=done (已办)': (tx) =>
        new ApprovalInboxRepository().listFor(tx, inboxViewer, { view: 'done', ...page }),
    },
  },
};

describe('organization’s repository SQL snapshots (apps/organization/sql)', () => {
  it('cover every repository of the service', async () => {
    expect(await repositoriesWithoutSnapshot(organizationSqlSnapshots)).toEqual([]);
  });

  it('match the SQL the repositories issue', async () => {
    const files = await generateSqlSnapshots(organizationSqlSnapshots, currentInfrastructure().databaseUrl);
    if (record) await writeSqlSnapshots(organizationSqlSnapshots.folder, files);
    const stale = await staleSqlSnapshots(organizationSqlSnapshots.folder, files);
    expect(
      stale.map(
        (file) => `apps/organization/sql/${file} differs from the SQL issued now: run \`npm run sql:snapshot\``,
      ),
    ).toEqual([]);
  });
});
