import { describe, expect, it } from '@jest/globals';
import { testDistrictCode } from '@jianfu/testing/unit';
import {
  currentInfrastructure,
  generateSqlSnapshots,
  repositorySnapshot,
  type ServiceSqlSnapshots,
  staleSqlSnapshots,
  writeSqlSnapshots,
} from '@jianfu/testing';
import { personnelPersistence } from '../src/app.module.js';
import { CareersRepository } from '../src/careers/persistence/careers.repository.js';
import { OpinionOutcomesRepository } from '../src/careers/persistence/opinion-outcomes.repository.js';
import { PromotionsRepository } from '../src/careers/persistence/promotions.repository.js';
import type { WorkerEntity } from '../src/workers/persistence/worker.entity.js';
import { WorkersRepository } from '../src/workers/persistence/workers.repository.js';

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
  fresh: '00000000-0000-4000-8000-000000000009',
};
const page = { offset: 0, limit: 20 };

const worker: WorkerEntity = {
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
const postWorker = { trackCode: 'post', code: 'community-worker', name: '社区工作者', ordinal: 1 };

export const personnelSqlSnapshots: ServiceSqlSnapshots = {
  service: 'personnel',
  folder: new URL('../sql/', import.meta.url),
  ...personnelPersistence,
  async seed(tx) {
    await tx.query(
      `INSERT INTO worker (id, employee_no, name, community_id, street_code, district_code, post_step, post_since,
         title_step, title_since, education, party_member, hire_date)
       VALUES ($1, 'W-001', '林一', $2, 'S01', $3, 'community-worker', '2020-01-01', 'untitled', '2020-01-01',
         'bachelor', true, '2020-01-01')`,
      [ids.worker, ids.community, testDistrictCode],
    );
    await tx.query(
      `INSERT INTO promotion_request (id, worker_id, track_code, from_step, to_step, status, reason, requested_by)
       VALUES ($1, $2, 'post', 'community-worker', 'community-secretary', 'in-review', '', 'user-1')`,
      [ids.promotion, ids.worker],
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
  ],
};

describe('personnel’s repository SQL snapshots (apps/personnel/sql)', () => {
  it('match the SQL the repositories issue', async () => {
    const files = await generateSqlSnapshots(personnelSqlSnapshots, currentInfrastructure().databaseUrl);
    if (record) await writeSqlSnapshots(personnelSqlSnapshots.folder, files);
    const stale = await staleSqlSnapshots(personnelSqlSnapshots.folder, files);
    expect(
      stale.map((file) => `apps/personnel/sql/${file} differs from the SQL issued now: run \`npm run sql:snapshot\``),
    ).toEqual([]);
  });
});
