import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, type ServiceUnderTest, testDatabase } from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

/** Departments with their users, and the hierarchy re-drawn over time (布局调整) with its history kept. */
describe('departments and hierarchy changes', () => {
  const isolation = createTestIsolation('org-hierarchy');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  let service: ServiceUnderTest<OrganizationConfig>;
  let db: pg.Pool;

  beforeAll(async () => {
    service = await startOrganization(isolation);
    db = testDatabase(1);
  });

  afterAll(async () => {
    await service?.close();
    await db?.end();
  });

  const post = <T = unknown>(path: string, body: unknown, as = admin) =>
    service.http.request<T>('POST', path, { as, body });

  async function outbox(aggregateId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    const rows = await db.query<{ envelope: { type: string; payload: Record<string, unknown> } }>(
      `SELECT envelope FROM ${isolation.schema('organization')}.outbox_message WHERE message_key = $1 ORDER BY position`,
      [aggregateId],
    );
    return rows.rows.map((row) => ({ type: row.envelope.type, payload: row.envelope.payload }));
  }

  async function community(code: string, streetCode: string, partyMemberCount = 0): Promise<string> {
    const created = await post<{ communityId: string }>('/communities', {
      code,
      name: `${code}社区`,
      streetCode,
      partyMemberCount,
    });
    expect(created.status).toBe(201);
    return created.body.communityId;
  }

  it('registers a department, announces it, and keeps its users', async () => {
    const created = await post<{ departmentId: string }>('/departments', { code: 'MZJ', name: '区民政局' });
    expect(created.status).toBe(201);
    const { departmentId } = created.body;
    expect(await outbox(departmentId)).toEqual([
      {
        type: 'organization.department.created',
        payload: { departmentId, code: 'MZJ', name: '区民政局', districtCode: '350102' },
      },
    ]);
    expect((await post('/departments', { code: 'MZJ', name: '重复' })).status).toBe(409);

    const assigned = await service.http.request('PUT', `/departments/${departmentId}/users/u-mzj-1`, {
      as: admin,
      body: { name: '林晓燕', role: 'department-submitter' },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      users: [{ userId: 'u-mzj-1', name: '林晓燕', role: 'department-submitter' }],
    });

    // One user acts for one department.
    const other = await post<{ departmentId: string }>('/departments', { code: 'WJW', name: '区卫健委' });
    const elsewhere = await service.http.request('PUT', `/departments/${other.body.departmentId}/users/u-mzj-1`, {
      as: admin,
      body: { name: '林晓燕', role: 'department-submitter' },
    });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toMatchObject({ code: 'department.user-elsewhere' });

    const badRole = await service.http.request('PUT', `/departments/${departmentId}/users/u-2`, {
      as: admin,
      body: { name: '王', role: 'mayor' },
    });
    expect(badRole.status).toBe(400);

    const list = await service.http.request<{ items: { code: string }[] }>('GET', '/departments', {
      as: principal([Roles.DepartmentSubmitter], { departmentId }),
    });
    expect(list.body.items.map((item) => item.code)).toEqual(['MZJ', 'WJW']);
    expect(
      (await service.http.request('DELETE', `/departments/${departmentId}/users/u-mzj-1`, { as: admin })).status,
    ).toBe(204);
    expect(
      (await service.http.request('DELETE', `/departments/${departmentId}/users/u-mzj-1`, { as: admin })).status,
    ).toBe(404);
  });

  it('renames and moves a community, announcing its whole new placement, and keeps the history', async () => {
    expect((await post('/streets', { code: 'H-S1', name: '鼓东街道' })).status).toBe(201);
    expect((await post('/streets', { code: 'H-S2', name: '鼓西街道' })).status).toBe(201);
    const communityId = await community('H-C1', 'H-S1');

    const renamed = await service.http.request('PATCH', '/hierarchy/units/H-C1', {
      as: admin,
      body: { name: '三坊七巷社区' },
    });
    expect(renamed.status).toBe(200);
    const moved = await post('/hierarchy/units/H-C1/move', { newParentCode: 'H-S2' });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ code: 'H-C1', parentCode: 'H-S2' });

    const view = await service.http.request('GET', `/communities/${communityId}`, { as: admin });
    expect(view.body).toMatchObject({
      name: '三坊七巷社区',
      streetCode: 'H-S2',
      streetName: '鼓西街道',
      status: 'active',
    });
    expect(await outbox(communityId)).toEqual([
      expect.objectContaining({ type: 'organization.community.created' }),
      {
        type: 'organization.community.renamed',
        payload: expect.objectContaining({ name: '三坊七巷社区', previousName: 'H-C1社区', streetCode: 'H-S1' }),
      },
      {
        type: 'organization.community.moved',
        payload: expect.objectContaining({ name: '三坊七巷社区', streetCode: 'H-S2', previousStreetCode: 'H-S1' }),
      },
    ]);

    const history = await service.http.request<{ changes: { change: string; details: object }[] }>(
      'GET',
      '/hierarchy/units/H-C1/history',
      { as: admin },
    );
    expect(history.body.changes).toEqual([
      expect.objectContaining({ change: 'created', details: { name: 'H-C1社区', parentCode: 'H-S1' } }),
      expect.objectContaining({ change: 'renamed', details: { from: 'H-C1社区', to: '三坊七巷社区' } }),
      expect.objectContaining({ change: 'moved', details: { fromParentCode: 'H-S1', toParentCode: 'H-S2' } }),
    ]);
  });

  it('refuses cycles, level skips, missing parents and duplicate codes with the reason', async () => {
    await post('/streets', { code: 'R-S1', name: '温泉街道' });
    await community('R-C1', 'R-S1');
    expect((await post('/grids', { code: 'R-G1', name: '第一网格', communityCode: 'R-C1' })).status).toBe(201);

    const cycle = await post('/hierarchy/units/R-S1/move', { newParentCode: 'R-G1' });
    expect(cycle.status).toBe(422);
    expect(cycle.body).toMatchObject({ code: 'hierarchy.cycle', detail: expect.stringContaining('its own ancestor') });
    const skip = await post('/hierarchy/units/R-G1/move', { newParentCode: 'R-S1' });
    expect(skip).toMatchObject({ status: 422, body: { code: 'hierarchy.level-mismatch' } });
    const missing = await post('/hierarchy/units/R-C1/move', { newParentCode: 'NOWHERE' });
    expect(missing).toMatchObject({ status: 422, body: { code: 'hierarchy.unit-not-found' } });
    expect((await post('/hierarchy/units/NOWHERE/move', { newParentCode: 'R-S1' })).status).toBe(404);
    const orphan = await post('/communities', { code: 'R-C9', name: '孤儿社区', streetCode: 'NO-STREET' });
    expect(orphan).toMatchObject({ status: 422, body: { code: 'street.not-found' } });
    // Codes are unique across levels, so one code names one unit.
    const clash = await post('/grids', { code: 'R-C1', name: '同号网格', communityCode: 'R-C1' });
    expect(clash).toMatchObject({ status: 409, body: { code: 'grid.code-taken' } });
    const elsewhere = await service.http.request('PATCH', '/hierarchy/units/R-C1', {
      as: principal([Roles.OrganizationAdmin], { districtCode: '350103' }),
      body: { name: '越界' },
    });
    expect(elsewhere.status).toBe(404);
  });

  it('merges a community into another and splits new communities off one, with grids and members', async () => {
    await post('/streets', { code: 'M-S1', name: '安泰街道' });
    const survivorId = await community('M-C1', 'M-S1', 40);
    const mergedId = await community('M-C2', 'M-S1', 25);
    await post('/grids', { code: 'M-G1', name: '一网格', communityCode: 'M-C2' });
    await post('/grids', { code: 'M-G2', name: '二网格', communityCode: 'M-C1' });
    await post('/grids', { code: 'M-G3', name: '三网格', communityCode: 'M-C1' });

    const merged = await post('/hierarchy/units/M-C2/merge', { intoCode: 'M-C1' });
    expect(merged).toMatchObject({ status: 200, body: { code: 'M-C2', mergedIntoCode: 'M-C1' } });
    const grids = await service.http.request<{ items: { code: string }[] }>('GET', `/communities/${survivorId}/grids`, {
      as: admin,
    });
    expect(grids.body.items.map((grid) => grid.code)).toEqual(['M-G1', 'M-G2', 'M-G3']);
    const members = await db.query(
      `SELECT community_id, member_count FROM ${isolation.schema('organization')}.party_organisation
       WHERE community_id = ANY($1::uuid[]) ORDER BY member_count`,
      [[survivorId, mergedId]],
    );
    expect(members.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ community_id: survivorId, member_count: 65 })]),
    );
    expect((await service.http.request('GET', `/communities/${mergedId}`, { as: admin })).body).toMatchObject({
      status: 'merged',
      mergedIntoCode: 'M-C1',
    });
    expect((await post('/hierarchy/units/M-C2/merge', { intoCode: 'M-C1' })).status).toBe(409);
    expect((await outbox(mergedId)).map((event) => event.type)).toContain('organization.community.merged');

    const tooMany = await post('/hierarchy/units/M-C1/split', {
      into: [{ code: 'M-C3', name: '新社区', partyMemberCount: 66 }],
    });
    expect(tooMany).toMatchObject({ status: 422, body: { code: 'hierarchy.split-members-exceed' } });
    const foreignGrid = await post('/hierarchy/units/M-C1/split', {
      into: [{ code: 'M-C3', name: '新社区', gridCodes: ['R-G1'] }],
    });
    expect(foreignGrid).toMatchObject({ status: 422, body: { code: 'hierarchy.grid-not-in-community' } });

    const split = await post<{ communities: { code: string; communityId: string }[] }>('/hierarchy/units/M-C1/split', {
      into: [{ code: 'M-C3', name: '安泰河社区', gridCodes: ['M-G1', 'M-G3'], partyMemberCount: 15 }],
    });
    expect(split.status).toBe(201);
    const newId = split.body.communities[0].communityId;
    const newGrids = await service.http.request<{ items: { code: string }[] }>('GET', `/communities/${newId}/grids`, {
      as: admin,
    });
    expect(newGrids.body.items.map((grid) => grid.code)).toEqual(['M-G1', 'M-G3']);
    expect((await outbox(newId)).map((event) => event.type)).toEqual(['organization.community.created']);
    const history = await service.http.request<{ changes: { change: string }[] }>(
      'GET',
      '/hierarchy/units/M-C1/history',
      { as: admin },
    );
    expect(history.body.changes.map((change) => change.change)).toEqual(['created', 'absorbed', 'split']);

    const listed = await service.http.request<{ items: { code: string }[] }>('GET', '/communities?streetCode=M-S1', {
      as: admin,
    });
    expect(listed.body.items.map((item) => item.code)).toEqual(['M-C1', 'M-C3']);
    const withMerged = await service.http.request<{ items: { code: string }[] }>(
      'GET',
      '/communities?streetCode=M-S1&includeMerged=true',
      { as: admin },
    );
    expect(withMerged.body.items.map((item) => item.code)).toEqual(['M-C1', 'M-C2', 'M-C3']);
  });

  it('answers every list as a page, and refuses bad paging, filters and codes naming the field', async () => {
    expect((await post('/streets', { code: 'P-S1', name: '分页街道' })).status).toBe(201);
    for (const code of ['P-C1', 'P-C2', 'P-C3']) await community(code, 'P-S1');
    const page = await service.http.request('GET', '/communities?streetCode=P-S1&offset=1&limit=1', { as: admin });
    expect(page).toMatchObject({
      status: 200,
      body: { items: [expect.objectContaining({ code: 'P-C2', status: 'active', mergedIntoCode: null })], total: 3 },
    });
    expect(page.body).toMatchObject({ offset: 1, limit: 1 });

    // Keyset paging: each page's `next` continues after its last community, the last page answers null.
    type CommunityPage = { items: { code: string }[]; total: number; next: string | null };
    const first = await service.http.request<CommunityPage>('GET', '/communities?streetCode=P-S1&limit=2', {
      as: admin,
    });
    expect(first.body).toMatchObject({ items: [{ code: 'P-C1' }, { code: 'P-C2' }], total: 3 });
    expect(first.body.next).toEqual(expect.any(String));
    const second = await service.http.request<CommunityPage>(
      'GET',
      `/communities?streetCode=P-S1&limit=2&after=${first.body.next}`,
      { as: admin },
    );
    expect(second.body).toMatchObject({ items: [{ code: 'P-C3' }], total: 1, next: null });
    for (const [path, field] of [
      [`/communities?after=${first.body.next}&offset=1`, 'offset'],
      ['/communities?after=bm90LWEtY3Vyc29y', 'after'],
      ['/communities?after=not%20a%20cursor', 'after'],
    ] as const) {
      const refused = await service.http.request<{ errors: { field: string }[] }>('GET', path, { as: admin });
      expect({ path, status: refused.status }).toEqual({ path, status: 400 });
      expect(refused.body.errors.map((error) => error.field)).toContain(field);
    }
    const streets = await service.http.request('GET', '/streets?limit=500', { as: admin });
    expect(streets.body).toMatchObject({ offset: 0, limit: 500, total: expect.any(Number) });

    for (const [path, field] of [
      ['/communities?limit=501', 'limit'],
      ['/departments?offset=-1', 'offset'],
      ['/communities?includeMerged=maybe', 'includeMerged'],
      ['/resident-units?communityId=not-a-uuid', 'communityId'],
      ['/joint-committees?unitCode=bad%20code', 'unitCode'],
      ['/reports/co-building?asOf=2026-02-30', 'asOf'],
      ['/reports/department-evaluation', 'period'],
      ['/hierarchy/units/bad%20code/history', 'code'],
    ]) {
      const refused = await service.http.request<{ code: string; errors: { field: string }[] }>('GET', path, {
        as: admin,
      });
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({
        path,
        status: 400,
        code: 'request.invalid',
      });
      expect(refused.body.errors.map((error) => error.field)).toContain(field);
    }
  });
});
