import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, type ServiceUnderTest } from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';
import { loadDemoDistrict } from '../src/demo/demo-district-loader.js';

/** The demo district loads through the real API, and loading it again changes nothing and fails nothing. */
describe('demo district', () => {
  const isolation = createTestIsolation('org-demo');
  const loader = principal([Roles.OrganizationAdmin], {}, 'demo-loader');
  let service: ServiceUnderTest<OrganizationConfig>;
  let baseUrl: string;

  beforeAll(async () => {
    service = await startOrganization(isolation);
    const address = (service.app.getHttpServer() as { address(): { port: number } }).address();
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await service?.close();
  });

  it('loads a 鼓楼-shaped district idempotently', async () => {
    const first = await loadDemoDistrict(baseUrl, await service.http.token(loader));
    expect(first).toMatchObject({ existing: 0, communities: 32 });
    const second = await loadDemoDistrict(baseUrl, await service.http.token(loader));
    expect(second.communities).toBe(32);
    expect(second.existing).toBeGreaterThanOrEqual(8 + 32 + 32 + 16 + 12 + 8);

    const streets = await service.http.request<{ items: { communityCount: number }[] }>('GET', '/streets', {
      as: loader,
    });
    expect(streets.body.items).toHaveLength(8);
    expect(streets.body.items.every((street) => street.communityCount === 4)).toBe(true);
    const departments = await service.http.request<{ items: { name: string; users: unknown[] }[] }>(
      'GET',
      '/departments',
      { as: loader },
    );
    expect(departments.body.items).toHaveLength(16);
    expect(departments.body.items.map((department) => department.name)).toEqual(
      expect.arrayContaining(['区民政局', '区卫健委', '区人社局', '区财政局']),
    );
    expect(departments.body.items.every((department) => department.users.length === 1)).toBe(true);

    const coBuilding = await service.http.request<{ totals: Record<string, number> }>(
      'GET',
      '/reports/co-building?asOf=2026-07-01',
      { as: loader },
    );
    expect(coBuilding.body.totals).toMatchObject({
      communities: 32,
      residentUnits: 12,
      activeAgreements: 8,
      allianceMembers: 12,
      meetingsHeld: 3,
    });
    const facilities = await service.http.request<{ totals: { reported: number; meetingStandard: number } }>(
      'GET',
      '/reports/facilities',
      { as: loader },
    );
    expect(facilities.body.totals.reported).toBe(32);
    expect(facilities.body.totals.meetingStandard).toBeGreaterThan(16);
    expect(facilities.body.totals.meetingStandard).toBeLessThan(32);
  });
});
