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
import { personnelPersistence } from '../src/app.module.js';
import { AssessmentsRepository } from '../src/assessments/persistence/assessments.repository.js';
import type { AssessmentCycle } from '../src/assessments/domain/assessment-cycle.js';
import { CadreReviewCyclesRepository } from '../src/cadre-review-cycles/persistence/cadre-review-cycles.repository.js';
import { CadreReviewsRepository } from '../src/cadre-reviews/persistence/cadre-reviews.repository.js';
import { CommunityPartyOrganisationsRepository } from '../src/communities/persistence/community-party-organisations.repository.js';
import { HonoursRepository } from '../src/honours/persistence/honours.repository.js';
import { RecruitmentRepository } from '../src/recruitment/persistence/recruitment.repository.js';
import { StaffingRepository } from '../src/statistics/persistence/staffing.repository.js';
import { CareersRepository } from '../src/careers/persistence/careers.repository.js';
import { OpinionOutcomesRepository } from '../src/careers/persistence/opinion-outcomes.repository.js';
import { PromotionsRepository } from '../src/careers/persistence/promotions.repository.js';
import type { WorkerRecord } from '../src/workers/domain/worker-record.js';
import { WorkersRepository } from '../src/workers/persistence/workers.repository.js';
import { entityManagerOf } from '@jianfu/platform/persistence';

/**
 * The SQL of personnel's repositories, snapshotted to `apps/personnel/sql/` so a query change shows in review. This
 * suite regenerates the files in memory and fails when a committed one differs; `npm run sql:snapshot` runs it with
 * JIANFU_RECORD_SQL=1 to write them.
 */
const record = process.env.JIANFU_RECORD_SQL === '1';

const ids = {
  community: '00000000-0000-4000-8000-000000000001',
  worker: '00000000-0000-4000-8000-000000000002',
  promotion: '00000000-0000-4000-8000-000000000003',
  opinionRequest: '00000000-0000-4000-8000-000000000004',
  cycle: '00000000-0000-4000-8000-000000000005',
  posting: '00000000-0000-4000-8000-000000000006',
  application: '00000000-0000-4000-8000-000000000007',
  cadreCycle: '00000000-0000-4000-8000-000000000008',
  fresh: '00000000-0000-4000-8000-000000000009',
};
const page = { offset: 0, limit: 20 };

const worker: WorkerRecord = {
  id: ids.worker,
  employeeNo: 'W-001',
  name: '林一',
  communityId: ids.community,
  streetCode: 'S01',
  districtCode: testDistrictCode,
  postStep: 'community-worker',
  postSince: '2020-01-01',
  titleStep: 'untitled',
  titleSince: '2020-01-01',
  education: 'bachelor',
  partyMember: true,
  hireDate: '2020-01-01',
  certificates: [],
  trainings: [],
  honours: [],
  version: 1,
  createdAt: new Date(0),
};
const cycle: AssessmentCycle = {
  id: ids.cycle,
  kind: 'annual',
  period: '2026',
  unitKind: 'community',
  communityId: ids.community,
  streetCode: 'S01',
  districtCode: testDistrictCode,
  status: 'open',
  openedBy: 'user-1',
  openedAt: new Date(0),
  closingAttempt: 0,
  closingRequestedBy: null,
  lastDecision: null,
  finalisedAt: null,
  policyVersion: 1,
};
const decision = { attempt: 1, outcome: 'approved', actorId: 'leader-1', reason: null, at: '2026-02-01T00:00:00.000Z' };
const districtScope = { districtCode: testDistrictCode };
const postWorker = { trackCode: 'post', code: 'community-worker', name: '社区工作者', ordinal: 1 };

export const personnelSqlSnapshots: ServiceSqlSnapshots = {
  service: 'personnel',
  folder: new URL('../sql/', import.meta.url),
  ...personnelPersistence,
  async seed(tx) {
    await entityManagerOf(tx).query(
      `INSERT INTO worker (id, employee_no, name, community_id, street_code, district_code, post_step, post_since,
         title_step, title_since, education, party_member, hire_date)
       VALUES ($1, 'W-001', '林一', $2, 'S01', $3, 'community-worker', '2020-01-01', 'untitled', '2020-01-01',
         'bachelor', true, '2020-01-01')`,
      [ids.worker, ids.community, testDistrictCode],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO promotion_request (id, worker_id, track_code, from_step, to_step, status, reason, requested_by)
       VALUES ($1, $2, 'post', 'community-worker', 'community-secretary', 'in-review', '', 'user-1')`,
      [ids.promotion, ids.worker],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO assessment_cycle (id, kind, period, unit_kind, community_id, street_code, district_code, status,
         opened_by, policy_version)
       VALUES ($1, 'annual', '2026', 'community', $2, 'S01', $3, 'open', 'user-1', 1)`,
      [ids.cycle, ids.community, testDistrictCode],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO assessment_cohort_member (cycle_id, worker_id, community_id, kind, period)
       VALUES ($1, $2, $3, 'annual', '2026')`,
      [ids.cycle, ids.worker, ids.community],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO recruitment_posting (id, title, district_code, written_pass_mark, interview_pass_mark,
         written_weight_percent, stage, opened_by)
       VALUES ($1, '2026 年招聘', $2, 60, 70, 40, 'accepting-applications', 'user-1')`,
      [ids.posting, testDistrictCode],
    );
    await entityManagerOf(tx).query(
      'INSERT INTO recruitment_place (posting_id, community_id, street_code, places) VALUES ($1, $2, $3, 2)',
      [ids.posting, ids.community, 'S01'],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO recruitment_application (id, posting_id, community_id, candidate_no, name, education, party_member,
         status)
       VALUES ($1, $2, $3, 'K-001', '陈七', 'bachelor', false, 'active')`,
      [ids.application, ids.posting, ids.community],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO cadre_review_cycle (id, district_code, street_code, year, opened_by) VALUES ($1, $2, 'S01', 2025, 'user-1')`,
      [ids.cadreCycle, testDistrictCode],
    );
    await entityManagerOf(tx).query(
      `INSERT INTO cadre_review_meeting (cycle_id, worker_id, held_on, attendees, recorded_by)
       VALUES ($1, $2, '2025-12-01', '{居民代表甲}', 'user-1')`,
      [ids.cadreCycle, ids.worker],
    );
  },
  repositories: [
    repositorySnapshot('workers.repository.sql', new WorkersRepository(), {
      insert: (r, tx) =>
        r.insert(
          tx,
          { ...worker, id: ids.fresh, employeeNo: 'W-002', trainings: undefined, honours: undefined },
          'registered',
          { actorId: 'user-1', reason: '建档' },
        ),
      find: (r, tx) => r.find(tx, ids.worker),
      findForUpdate: (r, tx) => r.findForUpdate(tx, ids.worker),
      findMany: (r, tx) => r.findMany(tx, [ids.worker, ids.fresh]),
      existingEmployeeNos: (r, tx) => r.existingEmployeeNos(tx, testDistrictCode, ['W-001', 'W-002']),
      change: (r, tx) =>
        r.change(tx, { ...worker }, { name: '林一一', partyMember: false }, 'updated', {
          actorId: 'user-1',
          reason: '更正',
        }),
      history: (r, tx) => r.history(tx, ids.worker),
      historyPage: (r, tx) => r.historyPage(tx, ids.worker, page),
      listInScope: (r, tx) =>
        r.listInScope(
          tx,
          { districtCode: testDistrictCode, streetCodes: ['S01'] },
          { communityId: ids.community, ...page },
        ),
    }),
    repositorySnapshot('careers.repository.sql', new CareersRepository(), {
      tracks: (r, tx) => r.tracks(tx),
      steps: (r, tx) => r.steps(tx, 'post'),
      step: (r, tx) => r.step(tx, 'post', 'community-worker'),
      nextStep: (r, tx) => r.nextStep(tx, postWorker),
      ruleFor: (r, tx) => r.ruleFor(tx, testDistrictCode, 'post', 'community-secretary'),
      rulesInForce: (r, tx) => r.rulesInForce(tx, testDistrictCode),
      upsertRule: (r, tx) =>
        r.upsertRule(
          tx,
          {
            districtCode: testDistrictCode,
            trackCode: 'post',
            stepCode: 'community-secretary',
            minYearsInRank: 3,
            recentAnnualGrades: 2,
            recentAnnualMinGrade: 'good',
            requiredCertificates: [],
            minEducation: 'junior-college',
            requiresPartyMember: true,
            limitedByPlaces: false,
          },
          'user-1',
        ),
      setPlaces: (r, tx) =>
        r.setPlaces(
          tx,
          { districtCode: testDistrictCode, trackCode: 'post', stepCode: 'career-secretary', places: 3 },
          'user-1',
        ),
      placesAvailable: (r, tx) => r.placesAvailable(tx, testDistrictCode, 'post', 'career-secretary', true),
    }),
    repositorySnapshot('promotions.repository.sql', new PromotionsRepository(), {
      insert: (r, tx) =>
        r.insert(tx, {
          id: ids.fresh,
          workerId: ids.worker,
          trackCode: 'professional',
          fromStep: 'untitled',
          toStep: 'assistant-social-worker',
          reason: '',
          requestedBy: 'user-1',
        }),
      find: (r, tx) => r.find(tx, ids.promotion),
      findForUpdate: (r, tx) => r.findForUpdate(tx, ids.promotion),
      forWorker: (r, tx) => r.forWorker(tx, ids.worker),
      close: (r, tx) => r.close(tx, ids.promotion, { status: 'promoted', decidedBy: 'user-2', reason: null }),
    }),
    repositorySnapshot('opinion-outcomes.repository.sql', new OpinionOutcomesRepository(), {
      record: (r, tx) =>
        r.record(tx, {
          requestId: ids.opinionRequest,
          districtCode: testDistrictCode,
          subjectKind: 'person',
          subjectId: ids.worker,
          subjectName: '林一',
          purpose: 'promotion',
          communityIds: [ids.community],
          tally: { agree: 1, disagree: 0, noObjection: 0, noOpinion: 0 },
          residentObjections: 0,
          closedBy: 'user-1',
          closedAt: '2026-01-01T00:00:00.000Z',
        }),
      latestClosed: (r, tx) => r.latestClosed(tx, ids.worker, 'promotion'),
    }),
    repositorySnapshot('assessments.repository.sql', new AssessmentsRepository(), {
      insertCycle: (r, tx) =>
        r.insertCycle(tx, {
          id: ids.fresh,
          kind: 'monthly',
          period: '2026-03',
          unitKind: 'street',
          communityId: null,
          streetCode: 'S01',
          districtCode: testDistrictCode,
          openedBy: 'user-1',
          policyVersion: 1,
        }),
      fillCohort: (r, tx) => r.fillCohort(tx, cycle),
      find: (r, tx) => r.find(tx, ids.cycle),
      findForUpdate: (r, tx) => r.findForUpdate(tx, ids.cycle),
      cohortWorkerIds: (r, tx) => r.cohortWorkerIds(tx, ids.cycle),
      saveGrades: (r, tx) => r.saveGrades(tx, ids.cycle, [{ workerId: ids.worker, grade: 'good' }], 'user-1'),
      cohortGrades: (r, tx) => r.cohortGrades(tx, ids.cycle),
      setBonus: (r, tx) => r.setBonus(tx, ids.cycle, ids.worker, { bonusFen: 200_000, policyVersion: 1 }),
      requestClosing: (r, tx) => r.requestClosing(tx, cycle, 'user-1'),
      reopen: (r, tx) => r.reopen(tx, ids.cycle, { ...decision, outcome: 'returned' }),
      finalise: (r, tx) => r.finalise(tx, ids.cycle, decision),
      listWithTotals: (r, tx) =>
        r.listWithTotals(tx, { ...districtScope, streetCodes: ['S01'] }, { kind: 'annual', ...page }),
      annualGrades: (r, tx) => r.annualGrades(tx, ids.worker),
      gradesOf: (r, tx) => r.gradesOf(tx, ids.worker, { offset: 0, limit: 20 }),
    }),
    repositorySnapshot('honours.repository.sql', new HonoursRepository(), {
      insert: (r, tx) =>
        r.insert(tx, {
          id: ids.fresh,
          workerId: ids.worker,
          communityId: ids.community,
          level: 'city',
          title: '优秀社区工作者',
          year: 2026,
          conferredBy: '市民政局',
          amountFen: 1_000_000,
          awardedBy: 'user-1',
          policyVersion: 1,
        }),
    }),
    repositorySnapshot('recruitment.repository.sql', new RecruitmentRepository(), {
      insertPosting: (r, tx) =>
        r.insertPosting(
          tx,
          {
            id: ids.fresh,
            title: '2026 年第二批招聘',
            districtCode: testDistrictCode,
            writtenPassMark: 60,
            interviewPassMark: 70,
            writtenWeightPercent: 40,
            stage: 'accepting-applications',
            openedBy: 'user-1',
          },
          [{ communityId: ids.community, streetCode: 'S01', places: 1 }],
        ),
      posting: (r, tx) => r.posting(tx, ids.posting, true),
      places: (r, tx) => r.places(tx, ids.posting),
      setStage: (r, tx) => r.setStage(tx, ids.posting, 'written-exam'),
      insertApplication: (r, tx) =>
        r.insertApplication(tx, {
          id: ids.fresh,
          postingId: ids.posting,
          communityId: ids.community,
          candidateNo: 'K-002',
          name: '周八',
          education: 'master',
          partyMember: true,
        }),
      applications: (r, tx) => r.applications(tx, ids.posting),
      setScore: (r, tx) => r.setScore(tx, ids.application, 'written', 82.5),
      setInspection: (r, tx) => r.setInspection(tx, ids.application, 'pass', '无异常'),
      drop: (r, tx) => r.drop(tx, ids.application, '放弃'),
      rank: (r, tx) => r.rank(tx, ids.application, { totalThousandths: 80_500, rank: 1, status: 'proposed' }),
      settle: (r, tx) => r.settle(tx, ids.application, 'hired', ids.worker),
      listPostings: (r, tx) => r.listPostings(tx, testDistrictCode, { offset: 0, limit: 20 }),
    }),
    repositorySnapshot('cadre-review-cycles.repository.sql', new CadreReviewCyclesRepository(), {
      insertCycle: (r, tx) =>
        r.insertCycle(tx, {
          id: ids.fresh,
          districtCode: testDistrictCode,
          streetCode: 'S02',
          year: 2025,
          status: 'collecting',
          openedBy: 'user-1',
        }),
      findCycle: (r, tx) => r.findCycle(tx, ids.cadreCycle, true),
      insertMeeting: (r, tx) =>
        r.insertMeeting(tx, {
          cycleId: ids.cadreCycle,
          workerId: ids.worker,
          heldOn: '2025-12-02',
          attendees: ['居民代表乙'],
          recordedBy: 'user-1',
        }),
      attendees: (r, tx) => r.attendees(tx, ids.cadreCycle, ids.worker),
      castBallot: (r, tx) =>
        r.castBallot(tx, { cycleId: ids.cadreCycle, workerId: ids.worker, voterId: '居民代表甲', grade: 'excellent' }),
      insertVisit: (r, tx) =>
        r.insertVisit(tx, {
          cycleId: ids.cadreCycle,
          workerId: ids.worker,
          reviewerId: 'user-2',
          visitedOn: '2025-12-03',
          checklist: [{ item: '台账', score: 9 }],
          notes: '台账齐全',
        }),
      insertHouseholdSurvey: (r, tx) =>
        r.insertHouseholdSurvey(tx, {
          cycleId: ids.cadreCycle,
          workerId: ids.worker,
          householdHash: 'h-1',
          answers: [5, 4, 5],
          recordedBy: 'user-2',
        }),
      insertQuestionnaire: (r, tx) =>
        r.insertQuestionnaire(tx, {
          cycleId: ids.cadreCycle,
          workerId: ids.worker,
          sampleSize: 30,
          satisfied: 25,
          basicallySatisfied: 4,
          dissatisfied: 1,
          recordedBy: 'user-2',
        }),
      evidence: (r, tx) => r.evidence(tx, ids.cadreCycle),
      setStatus: (r, tx) => r.setStatus(tx, ids.cadreCycle, 'proposed', 1),
      insertResults: (r, tx) =>
        r.insertResults(tx, ids.cadreCycle, 1, [
          {
            workerId: ids.worker,
            debriefingScore: 90,
            fieldVisitScore: 85,
            householdSurveyScore: 88,
            residentSatisfaction: 95,
            fieldVisitNotes: '台账齐全',
            compositeTenths: 886,
            result: 'good',
            policyVersion: 1,
          },
        ]),
      results: (r, tx) => r.results(tx, ids.cadreCycle, 1),
      visitNotes: (r, tx) => r.visitNotes(tx, ids.cadreCycle, ids.worker),
      satisfactionByCommunity: (r, tx) =>
        r.satisfactionByCommunity(tx, { districtCode: testDistrictCode, year: 2025, streetCodes: ['S01'] }),
    }),
    repositorySnapshot('cadre-reviews.repository.sql', new CadreReviewsRepository(), {
      insert: (r, tx) =>
        r.insert(tx, {
          workerId: ids.worker,
          year: 2025,
          debriefingScore: 90,
          fieldVisitScore: 85,
          householdSurveyScore: 88,
          residentSatisfaction: 95,
          fieldVisitNotes: '走访记录',
          compositeTenths: 886,
          result: 'good',
          reviewedBy: 'user-1',
          policyVersion: 1,
        }),
      listInScope: (r, tx) => r.listInScope(tx, { ...districtScope, streetCodes: ['S01'] }, { year: 2025, ...page }),
    }),
    repositorySnapshot('community-party-organisations.repository.sql', new CommunityPartyOrganisationsRepository(), {
      recordUpgrade: (r, tx) =>
        r.recordUpgrade(tx, {
          communityId: ids.community,
          kind: 'general-branch',
          memberCount: 60,
          requestId: ids.fresh,
          approvedBy: 'user-2',
          upgradedAt: '2026-02-01T00:00:00.000Z',
        }),
      of: (r, tx) => r.of(tx, ids.community),
    }),
    repositorySnapshot('staffing.repository.sql', new StaffingRepository(), {
      stepCounts: (r, tx) => r.stepCounts(tx, { ...districtScope, streetCodes: ['S01'] }, ids.community),
      partyMembers: (r, tx) => r.partyMembers(tx, districtScope),
    }),
  ],
};

describe('personnel’s repository SQL snapshots (apps/personnel/sql)', () => {
  it('cover every repository of the service', async () => {
    expect(await repositoriesWithoutSnapshot(personnelSqlSnapshots)).toEqual([]);
  });

  it('match the SQL the repositories issue', async () => {
    const files = await generateSqlSnapshots(personnelSqlSnapshots, currentInfrastructure().databaseUrl);
    if (record) await writeSqlSnapshots(personnelSqlSnapshots.folder, files);
    const stale = await staleSqlSnapshots(personnelSqlSnapshots.folder, files);
    expect(
      stale.map((file) => `apps/personnel/sql/${file} differs from the SQL issued now: run \`npm run sql:snapshot\``),
    ).toEqual([]);
  });
});
