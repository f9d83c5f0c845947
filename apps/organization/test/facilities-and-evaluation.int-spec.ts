import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import {
  LedgerRequestAccepted,
  MeetingSummonsAdmitted,
  SealRequestAccepted,
  TaskDispatched,
  ViolationRecorded,
} from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  principal,
  publishForeignEvent,
  type ServiceUnderTest,
  testDatabase,
  testDistrictCode,
} from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

/** Facilities against the configured standard, and 双评议 fed by ratings and admission's violation events. */
describe('facilities and mutual evaluation', () => {
  const isolation = createTestIsolation('org-evaluation');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  let service: ServiceUnderTest<OrganizationConfig>;
  let db: pg.Pool;
  const communities: string[] = [];
  const departments: Record<string, string> = {};

  beforeAll(async () => {
    // A standard other than the seeds' 500 m² shows the threshold is configuration.
    service = await startOrganization(isolation, {
      FACILITY_STANDARD_AREA_M2: '450',
      EVALUATION_VIOLATION_PENALTY: '10',
    });
    db = testDatabase(1);
    await request('POST', '/streets', { code: 'E-S1', name: '水部街道' });
    for (const code of ['E-C1', 'E-C2', 'E-C3']) {
      const created = await request<{ communityId: string }>('POST', '/communities', {
        code,
        name: `${code}社区`,
        streetCode: 'E-S1',
      });
      communities.push(created.body.communityId);
    }
    for (const [code, name] of [
      ['E-MZJ', '区民政局'],
      ['E-WJW', '区卫健委'],
      ['E-RSJ', '区人社局'],
    ]) {
      const created = await request<{ departmentId: string }>('POST', '/departments', { code, name });
      departments[code] = created.body.departmentId;
    }
  });

  afterAll(async () => {
    await service?.close();
    await db?.end();
  });

  function request<T = unknown>(method: string, path: string, body?: unknown, as = admin) {
    return service.http.request<T>(method, path, { as, ...(body === undefined ? {} : { body }) });
  }

  it('records premises and reports which communities meet the standard area', async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [communities[0]] });
    const recorded = await request(
      'PUT',
      `/communities/${communities[0]}/facilities`,
      { officeAreaM2: 150, serviceAreaM2: 320, stations: ['one-stop-centre', 'health-station'] },
      secretary,
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ totalAreaM2: 470, standardAreaM2: 450, meetsStandard: true, shortfallM2: 0 });
    await request('PUT', `/communities/${communities[1]}/facilities`, {
      officeAreaM2: 120,
      serviceAreaM2: 200,
      stations: ['one-stop-centre'],
    });
    const unknownStation = await request('PUT', `/communities/${communities[1]}/facilities`, {
      officeAreaM2: 1,
      serviceAreaM2: 1,
      stations: ['swimming-pool'],
    });
    expect(unknownStation.status).toBe(400);
    expect(
      (
        await request(
          'PUT',
          `/communities/${communities[1]}/facilities`,
          { officeAreaM2: 1, serviceAreaM2: 1, stations: [] },
          secretary,
        )
      ).status,
    ).toBe(404);

    const report = await request<{ totals: object; communities: object[] }>('GET', '/reports/facilities');
    expect(report.body.totals).toEqual({
      communities: 3,
      reported: 2,
      meetingStandard: 1,
      totalAreaM2: 790,
      stations: {
        'one-stop-centre': 2,
        'health-station': 1,
        'party-activity-room': 0,
        'culture-station': 0,
        'day-care-centre': 0,
      },
    });
    expect(report.body.communities).toEqual([
      expect.objectContaining({ code: 'E-C1', meetsStandard: true, totalAreaM2: 470 }),
      expect.objectContaining({ code: 'E-C2', meetsStandard: false, totalAreaM2: 320 }),
      expect.objectContaining({ code: 'E-C3', reported: false, meetsStandard: false }),
    ]);
  });

  it('ranks departments by community ratings less the violations admission recorded against them', async () => {
    const rate = (communityIndex: number, department: string, grade: string, period = '2026') =>
      request(
        'PUT',
        '/department-ratings',
        { communityId: communities[communityIndex], departmentId: departments[department], period, grade },
        principal([Roles.CommunitySecretary], { communityIds: [communities[communityIndex]] }),
      );
    expect((await rate(0, 'E-MZJ', 'satisfied')).status).toBe(200);
    await rate(1, 'E-MZJ', 'satisfied');
    await rate(0, 'E-WJW', 'satisfied');
    await rate(1, 'E-WJW', 'dissatisfied');
    // Rating again in the same period replaces the earlier grade.
    await rate(1, 'E-WJW', 'basically-satisfied');
    await rate(0, 'E-RSJ', 'basically-satisfied');
    await rate(2, 'E-RSJ', 'dissatisfied', '2025');

    expect((await rate(0, 'E-MZJ', 'satisfied', '2026-13')).status).toBe(400);
    const unknownDepartment = await request('PUT', '/department-ratings', {
      communityId: communities[0],
      departmentId: randomUUID(),
      period: '2026',
      grade: 'satisfied',
    });
    expect(unknownDepartment).toMatchObject({ status: 422, body: { code: 'department.id-unknown' } });
    const otherCommunity = await request(
      'PUT',
      '/department-ratings',
      { communityId: communities[1], departmentId: departments['E-MZJ'], period: '2026', grade: 'dissatisfied' },
      principal([Roles.CommunitySecretary], { communityIds: [communities[0]] }),
    );
    expect(otherCommunity.status).toBe(404);

    const violation = (recordedAt: string) => ({
      violationId: randomUUID(),
      departmentId: departments['E-MZJ'],
      communityId: communities[0],
      reason: '未经准入向社区摊派台账',
      recordedAt,
    });
    const first = await publishForeignEvent(
      isolation,
      ViolationRecorded,
      departments['E-MZJ'],
      violation('2026-05-01T02:00:00Z'),
    );
    await publishForeignEvent(isolation, ViolationRecorded, departments['E-MZJ'], violation('2026-09-01T02:00:00Z'));
    // Last year's violation does not count in 2026; the redelivered one counts once.
    await publishForeignEvent(isolation, ViolationRecorded, departments['E-MZJ'], violation('2025-12-31T15:30:00Z'));
    await publishForeignEvent(isolation, ViolationRecorded, departments['E-MZJ'], first.payload, { id: randomUUID() });

    await eventually(async () => {
      const stored = await db.query(
        `SELECT count(*)::int AS n FROM ${isolation.schema('organization')}.department_violation`,
      );
      expect(stored.rows[0]).toEqual({ n: 3 });
      const inbox = await db.query(
        `SELECT count(*)::int AS n FROM ${isolation.schema('organization')}.inbox_message WHERE event_type = $1`,
        ['admission.violation.recorded'],
      );
      expect(inbox.rows[0]).toEqual({ n: 4 });
    });

    const ranking = await request<{ departments: Record<string, unknown>[] }>(
      'GET',
      '/reports/department-evaluation?period=2026',
      undefined,
      principal([Roles.DistrictLeader]),
    );
    expect(ranking.status).toBe(200);
    expect(ranking.body).toMatchObject({ period: '2026', penaltyPerViolation: 10 });
    expect(ranking.body.departments).toEqual([
      expect.objectContaining({ code: 'E-WJW', rank: 1, ratings: 2, satisfactionScore: 80, violations: 0, score: 80 }),
      // 100 less two violations at 10 ties with 80: the tie shares the rank, the cleaner record listed first.
      expect.objectContaining({ code: 'E-MZJ', rank: 1, satisfactionScore: 100, violations: 2, score: 80 }),
      expect.objectContaining({ code: 'E-RSJ', rank: 3, ratings: 1, satisfactionScore: 60, score: 60 }),
    ]);
    const lastYear = await request<{ departments: Record<string, unknown>[] }>(
      'GET',
      '/reports/department-evaluation?period=2025-H2',
    );
    // 23:30 on New Year's Eve, Beijing time, still belongs to 2025.
    expect(lastYear.body.departments.find((entry) => entry.code === 'E-MZJ')).toMatchObject({
      violations: 1,
      score: -10,
      rank: 3,
    });
    expect((await request('GET', '/reports/department-evaluation')).status).toBe(400);
  });

  it('counts the demands on each community per month from admission’s events, and rolls them up per street', async () => {
    await request('POST', '/streets', { code: 'E-S2', name: '温泉街道' });
    const other = await request<{ communityId: string }>('POST', '/communities', {
      code: 'E-C4',
      name: 'E-C4社区',
      streetCode: 'E-S2',
    });
    const [c1, c2, c4] = [communities[0], communities[1], other.body.communityId];
    const departmentId = departments['E-WJW'];
    const dispatched = await publishForeignEvent(isolation, TaskDispatched, randomUUID(), {
      taskId: randomUUID(),
      departmentId,
      communityIds: [c1, c2, c4],
      dispatchedAt: '2026-06-02T01:00:00Z',
    });
    // Redelivered (a new envelope of the same task): counted once.
    await publishForeignEvent(isolation, TaskDispatched, dispatched.payload.taskId, dispatched.payload, {
      id: randomUUID(),
    });
    const summonsId = randomUUID();
    await publishForeignEvent(isolation, MeetingSummonsAdmitted, summonsId, {
      summonsId,
      districtCode: testDistrictCode,
      departmentId,
      title: '创卫工作部署会',
      date: '2026-06-20',
      hours: 1.5,
      mode: 'on-site',
      attendeesPerCommunity: 1,
      communityIds: [c1, c2],
      admittedBy: 'allowance',
      // Admitted in May, held in June: it counts in June.
      admittedAt: '2026-05-28T02:00:00Z',
    });
    await publishForeignEvent(isolation, SealRequestAccepted, c1, {
      requestId: randomUUID(),
      districtCode: testDistrictCode,
      departmentId,
      communityId: c1,
      matterCode: 'SEAL-01',
      listVersion: 1,
      requestedFor: '张三',
      documentSha256: 'a'.repeat(64),
      requestedAt: '2026-06-03T02:00:00Z',
    });
    await publishForeignEvent(isolation, LedgerRequestAccepted, c2, {
      requestId: randomUUID(),
      districtCode: testDistrictCode,
      departmentId,
      communityId: c2,
      name: '低保对象台账',
      frequency: 'monthly',
      catalogueItemCode: 'MZ-01',
      catalogueVersion: 1,
      requestedAt: '2026-06-04T02:00:00Z',
    });
    const refusal = (communityId: string, reason: string, recordedAt = '2026-06-05T02:00:00Z') => ({
      violationId: randomUUID(),
      departmentId,
      communityId,
      reason,
      recordedAt,
    });
    for (const payload of [
      refusal(c1, 'seal.matter-not-listed: 不在盖章证明事项清单（为李四盖章）'),
      refusal(c1, 'plaque.limit-reached: 第四块牌匾'),
      refusal(c2, 'meeting.refused-by-community: 线下通知的会议'),
      refusal(c4, 'gate.not-admitted: 未经准入的任务'),
      // 1 July 00:30 in Beijing: July, outside the month asked for.
      refusal(c4, 'ledger.not-allowed: 不允许的台账', '2026-06-30T16:30:00Z'),
    ]) {
      await publishForeignEvent(isolation, ViolationRecorded, departmentId, payload);
    }

    const schema = isolation.schema('organization');
    await eventually(async () => {
      const stored = await db.query(
        `SELECT count(*)::int AS n FROM ${schema}.community_demand WHERE department_id = $1`,
        [departmentId],
      );
      // 3 task copies, 2 meeting copies, 1 seal, 1 ledger, 5 refusals.
      expect(stored.rows[0]).toEqual({ n: 12 });
    });

    const leader = principal([Roles.DistrictLeader], {}, 'demands-leader');
    const june = await request<{
      items: { communityId: string; month: string; [field: string]: unknown }[];
      total: number;
    }>('GET', '/reports/community-demands?from=2026-06&to=2026-06', undefined, leader);
    expect(june.status).toBe(200);
    const row = (communityId: string) => june.body.items.find((item) => item.communityId === communityId);
    expect(row(c1)).toMatchObject({
      month: '2026-06',
      streetCode: 'E-S1',
      tasks: { admitted: 1, refused: 0 },
      meetings: { admitted: 1, refused: 0, hours: 1.5 },
      seals: { admitted: 1, refused: 1 },
      plaques: { admitted: 0, refused: 1 },
      ledgers: { admitted: 0, refused: 0 },
      violations: 2,
    });
    expect(row(c2)).toMatchObject({
      tasks: { admitted: 1 },
      meetings: { admitted: 1, refused: 1, hours: 1.5 },
      ledgers: { admitted: 1, refused: 0 },
      violations: 1,
    });
    expect(row(c4)).toMatchObject({ tasks: { admitted: 1, refused: 1 }, ledgers: { refused: 0 }, violations: 1 });

    // The figures equal the rows they count.
    const counted = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.community_demand WHERE month = '2026-06'`,
    );
    const sum = (item: Record<string, unknown>) =>
      ['tasks', 'meetings', 'ledgers', 'seals', 'plaques']
        .map((kind) => item[kind] as { admitted: number; refused: number })
        .reduce((total, counts) => total + counts.admitted + counts.refused, 0);
    expect(june.body.items.reduce((total, item) => total + sum(item), 0)).toBe(counted.rows[0].n);

    const streets = await request<{ items: Record<string, unknown>[] }>(
      'GET',
      '/reports/community-demands/streets?from=2026-06&to=2026-07',
      undefined,
      leader,
    );
    expect(streets.body.items).toEqual([
      expect.objectContaining({
        month: '2026-06',
        streetCode: 'E-S1',
        streetName: '水部街道',
        communities: 2,
        tasks: { admitted: 2, refused: 0 },
        meetings: { admitted: 2, refused: 1, hours: 3 },
        ledgers: { admitted: 1, refused: 0 },
        seals: { admitted: 1, refused: 1 },
        plaques: { admitted: 0, refused: 1 },
        violations: 3,
      }),
      expect.objectContaining({ month: '2026-06', streetCode: 'E-S2', communities: 1, violations: 1 }),
      expect.objectContaining({ month: '2026-07', streetCode: 'E-S2', ledgers: { admitted: 0, refused: 1 } }),
    ]);

    // A secretary sees their own community only; a range that ends before it starts names `to`.
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [c2] }, 'demands-secretary');
    const own = await request<{ items: { communityId: string }[] }>(
      'GET',
      '/reports/community-demands?from=2026-06&to=2026-06',
      undefined,
      secretary,
    );
    expect(own.body.items.map((item) => item.communityId)).toEqual([c2]);
    const backwards = await request<{ errors: { field: string }[] }>(
      'GET',
      '/reports/community-demands?from=2026-07&to=2026-06',
      undefined,
      leader,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((error) => error.field)).toEqual(['to']);
  });
});
