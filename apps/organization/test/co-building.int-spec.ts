import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, type ServiceUnderTest, testDatabase } from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

/** 共驻共建: resident units, alliances, committees, agreements with projects, joint meetings, and the report. */
describe('co-building with resident units', () => {
  const isolation = createTestIsolation('org-co-building');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  let service: ServiceUnderTest<OrganizationConfig>;
  let db: pg.Pool;
  const communities: Record<string, string> = {};

  beforeAll(async () => {
    service = await startOrganization(isolation);
    db = testDatabase(1);
    await post('/streets', { code: 'CB-S1', name: '东街街道' });
    await post('/streets', { code: 'CB-S2', name: '南街街道' });
    for (const [code, streetCode] of [
      ['CB-C1', 'CB-S1'],
      ['CB-C2', 'CB-S1'],
      ['CB-C3', 'CB-S2'],
    ] as const) {
      const created = await post<{ communityId: string }>('/communities', { code, name: `${code}社区`, streetCode });
      communities[code] = created.body.communityId;
    }
    for (const [code, name, kind, communityCode] of [
      ['RU-1', '国网福州供电公司', 'enterprise', 'CB-C1'],
      ['RU-2', '福州第一中学', 'school', 'CB-C1'],
      ['RU-3', '省立医院', 'hospital', 'CB-C3'],
    ] as const) {
      expect((await post('/resident-units', { code, name, kind, communityCode, partyMemberCount: 40 })).status).toBe(
        201,
      );
    }
  });

  afterAll(async () => {
    await service?.close();
    await db?.end();
  });

  function post<T = unknown>(path: string, body: unknown, as = admin) {
    return service.http.request<T>('POST', path, { as, body });
  }

  const projects = [
    { committedBy: 'unit', title: '党员志愿者义务维修' },
    { committedBy: 'unit', title: '安全用电进社区' },
    { committedBy: 'community', title: '为职工子女提供假期托管' },
  ];

  it('signs an agreement with projects on both sides and announces it; refuses bad terms', async () => {
    const signed = await post<{ id: string; projects: unknown[] }>('/agreements', {
      code: 'GJ-1',
      communityCode: 'CB-C1',
      residentUnitCode: 'RU-1',
      startsOn: '2026-01-01',
      endsOn: '2028-01-01',
      projects,
    });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({
      residentUnitName: '国网福州供电公司',
      startsOn: '2026-01-01',
      endsOn: '2028-01-01',
    });
    expect(signed.body.projects).toHaveLength(3);
    const events = await db.query<{ envelope: { payload: object } }>(
      `SELECT envelope FROM ${isolation.schema('organization')}.outbox_message WHERE event_type = $1`,
      ['organization.agreement.signed'],
    );
    expect(events.rows.map((row) => row.envelope.payload)).toEqual([
      expect.objectContaining({
        agreementId: signed.body.id,
        code: 'GJ-1',
        communityId: communities['CB-C1'],
        projectCount: 3,
      }),
    ]);

    const overlapping = await post('/agreements', {
      code: 'GJ-2',
      communityCode: 'CB-C1',
      residentUnitCode: 'RU-1',
      startsOn: '2027-06-01',
      endsOn: '2029-01-01',
      projects,
    });
    expect(overlapping).toMatchObject({ status: 409, body: { code: 'agreement.overlapping' } });
    const inverted = await post('/agreements', {
      code: 'GJ-3',
      communityCode: 'CB-C2',
      residentUnitCode: 'RU-2',
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
      projects,
    });
    expect(inverted).toMatchObject({ status: 422, body: { code: 'agreement.term-invalid' } });
    const oneSided = await post('/agreements', {
      code: 'GJ-3',
      communityCode: 'CB-C2',
      residentUnitCode: 'RU-2',
      startsOn: '2026-01-01',
      endsOn: '2027-01-01',
      projects: projects.slice(0, 2),
    });
    expect(oneSided).toMatchObject({ status: 422, body: { code: 'agreement.one-sided' } });
    const unknownUnit = await post('/agreements', {
      code: 'GJ-3',
      communityCode: 'CB-C2',
      residentUnitCode: 'RU-404',
      startsOn: '2026-01-01',
      endsOn: '2027-01-01',
      projects,
    });
    expect(unknownUnit).toMatchObject({ status: 422, body: { code: 'resident-unit.not-found' } });
    const badDate = await post('/agreements', {
      code: 'GJ-3',
      communityCode: 'CB-C2',
      residentUnitCode: 'RU-2',
      startsOn: '2026-02-30',
      endsOn: '2027-01-01',
      projects,
    });
    expect(badDate.status).toBe(400);
    expect(
      (
        await post('/agreements', {
          code: 'GJ-3',
          communityCode: 'CB-C2',
          residentUnitCode: 'RU-2',
          startsOn: '2026-01-01',
          endsOn: '2027-01-01',
          projects,
        })
      ).status,
    ).toBe(201);
  });

  it('seats units on joint committees only where they are located, and keeps alliances', async () => {
    const committee = await post<{ committeeId: string }>('/joint-committees', {
      kind: 'community-joint-committee',
      name: 'CB-C1社区大党委',
      unitCode: 'CB-C1',
    });
    expect(committee.status).toBe(201);
    const path = `/joint-committees/${committee.body.committeeId}/members`;
    const seated = await service.http.request('PUT', path, {
      as: admin,
      body: { residentUnitCode: 'RU-1', position: '兼职委员' },
    });
    expect(seated.status).toBe(200);
    expect(seated.body).toMatchObject({ members: [{ residentUnitName: '国网福州供电公司', position: '兼职委员' }] });
    const outside = await service.http.request('PUT', path, {
      as: admin,
      body: { residentUnitCode: 'RU-3', position: '兼职委员' },
    });
    expect(outside).toMatchObject({ status: 422, body: { code: 'joint-committee.unit-outside' } });
    const second = await post('/joint-committees', {
      kind: 'community-joint-committee',
      name: '重复',
      unitCode: 'CB-C1',
    });
    expect(second).toMatchObject({ status: 409, body: { code: 'joint-committee.exists' } });
    const wrongLevel = await post('/joint-committees', {
      kind: 'street-joint-working-committee',
      name: '错层',
      unitCode: 'CB-C2',
    });
    expect(wrongLevel).toMatchObject({ status: 422, body: { code: 'joint-committee.wrong-level' } });
    const listed = await service.http.request<{ items: { id: string; members: unknown[] }[] }>(
      'GET',
      '/joint-committees?unitCode=CB-C1',
      { as: admin },
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: committee.body.committeeId,
        members: [expect.objectContaining({ position: '兼职委员' })],
      }),
    ]);

    for (const unit of ['RU-1', 'RU-2', 'RU-1']) {
      const joined = await service.http.request('PUT', `/communities/${communities['CB-C1']}/alliance/members`, {
        as: admin,
        body: { residentUnitCode: unit, joinedOn: '2026-02-01' },
      });
      expect(joined.status).toBe(200);
    }
  });

  it('records joint meetings and reports units, projects and meetings per community', async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [communities['CB-C1']] });
    const meeting = await post(
      `/communities/${communities['CB-C1']}/joint-meetings`,
      {
        heldOn: '2026-06-18',
        topic: '老旧小区加装电梯协调',
        attendance: [
          { residentUnitCode: 'RU-1', present: true, representative: '王建国' },
          { residentUnitCode: 'RU-2', present: false },
        ],
        resolutions: ['供电公司负责线路改造评估'],
      },
      secretary,
    );
    expect(meeting.status).toBe(201);
    expect(meeting.body).toMatchObject({ heldOn: '2026-06-18', resolutions: ['供电公司负责线路改造评估'] });
    await post(`/communities/${communities['CB-C1']}/joint-meetings`, {
      heldOn: '2025-12-01',
      topic: '年终联席会议',
      attendance: [{ residentUnitCode: 'RU-1', present: true }],
      resolutions: [],
    });
    const otherCommunity = await post(
      `/communities/${communities['CB-C3']}/joint-meetings`,
      {
        heldOn: '2026-06-18',
        topic: '越界',
        attendance: [{ residentUnitCode: 'RU-3', present: true }],
        resolutions: [],
      },
      secretary,
    );
    expect(otherCommunity.status).toBe(404);

    const report = await service.http.request<{
      totals: Record<string, number>;
      communities: Record<string, unknown>[];
    }>('GET', '/reports/co-building?asOf=2026-07-01&from=2026-01-01&to=2026-12-31', { as: admin });
    expect(report.status).toBe(200);
    expect(report.body.communities).toEqual([
      expect.objectContaining({
        code: 'CB-C1',
        residentUnits: 2,
        allianceMembers: 2,
        activeAgreements: 1,
        communityProjects: 1,
        unitProjects: 2,
        meetingsHeld: 1,
        invitations: 2,
        attendances: 1,
      }),
      expect.objectContaining({ code: 'CB-C2', residentUnits: 0, activeAgreements: 1, meetingsHeld: 0 }),
      expect.objectContaining({ code: 'CB-C3', residentUnits: 1, activeAgreements: 0 }),
    ]);
    expect(report.body.totals).toMatchObject({
      communities: 3,
      communitiesWithAgreements: 2,
      residentUnits: 3,
      activeAgreements: 2,
      meetingsHeld: 1,
    });
    const street = await service.http.request<{ communities: { code: string }[] }>(
      'GET',
      '/reports/co-building?asOf=2026-07-01&streetCode=CB-S2',
      { as: admin },
    );
    expect(street.body.communities.map((row) => row.code)).toEqual(['CB-C3']);
    expect((await service.http.request('GET', '/reports/co-building?asOf=yesterday', { as: admin })).status).toBe(400);
  });
});
