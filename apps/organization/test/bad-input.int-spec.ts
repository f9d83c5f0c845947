import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, type HttpResult, principal, type ServiceUnderTest } from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

interface Problem {
  status: number;
  code?: string;
  errors?: { field: string; rule: string }[];
}

/**
 * The platform's input layer, on a real service: input that used to reach Postgres (or overflow the stack)
 * is refused with a 4xx problem+json naming the field, on every route, without any route doing anything.
 */
describe('bad input never answers 5xx', () => {
  const isolation = createTestIsolation('bad-input');
  const admin = principal([Roles.OrganizationAdmin]);
  const leader = principal([Roles.DistrictLeader]);
  let service: ServiceUnderTest<OrganizationConfig>;

  beforeAll(async () => {
    service = await startOrganization(isolation);
    expect(
      (await service.http.request('POST', '/streets', { as: admin, body: { code: 'BI-S', name: '坏输入街道' } }))
        .status,
    ).toBe(201);
  });

  afterAll(async () => {
    await service?.close();
  });

  function expectRefused(response: HttpResult<Problem>, field?: string, rule?: string) {
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    if (field) expect(response.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
  }

  it('refuses a NUL byte in a query parameter (the facilities report, the community list)', async () => {
    expectRefused(
      await service.http.request<Problem>('GET', '/reports/facilities?streetCode=BI%00S', { as: leader }),
      'streetCode',
      'no-nul',
    );
    expectRefused(
      await service.http.request<Problem>('GET', '/communities?streetCode=%00', { as: leader }),
      'streetCode',
      'no-nul',
    );
  });

  it('refuses a NUL byte in a path parameter', async () => {
    expectRefused(
      await service.http.request<Problem>('GET', '/hierarchy/units/BI%00S/history', { as: admin }),
      'code',
      'no-nul',
    );
  });

  it('refuses a NUL byte or a lone surrogate in a JSON string, and in a key', async () => {
    expectRefused(
      await service.http.request<Problem>('POST', '/streets', {
        as: admin,
        rawBody: '{"code":"BI-1","name":"a\\u0000b"}',
      }),
      'name',
      'no-nul',
    );
    expectRefused(
      await service.http.request<Problem>('POST', '/streets', {
        as: admin,
        rawBody: '{"code":"BI-2","name":"x\\ud800y"}',
      }),
      'name',
      'well-formed-unicode',
    );
    expectRefused(
      await service.http.request<Problem>('POST', '/streets', {
        as: admin,
        rawBody: '{"code":"BI-3","name":"好","n\\u0000":1}',
      }),
      'n\\u0000',
      'no-nul',
    );
  });

  it('refuses a body nested ten thousand levels deep with 400, and a larger one with 413', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expectRefused(
      await service.http.request<Problem>('POST', '/streets', { as: admin, rawBody: `{"code":"BI-4","name":${deep}}` }),
      'body',
      'max-depth',
    );
    const huge = `${'{"a":'.repeat(60_000)}1${'}'.repeat(60_000)}`;
    const tooLarge = await service.http.request<Problem>('POST', '/streets', { as: admin, rawBody: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses numbers beyond the safe-integer range before a column can overflow', async () => {
    expectRefused(
      await service.http.request<Problem>('PUT', `/communities/${randomUUID()}/facilities`, {
        as: admin,
        rawBody: '{"officeAreaM2":1e400,"serviceAreaM2":2e82,"stations":[]}',
      }),
      'officeAreaM2',
      'out-of-range',
    );
  });

  it('answers a malformed uuid that a route forgot to validate with 400, not a Postgres error', async () => {
    const response = await service.http.request<Problem>('GET', '/resident-units?communityId=not-a-uuid', {
      as: leader,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('still serves well-formed input, Chinese and astral characters included', async () => {
    const created = await service.http.request('POST', '/streets', {
      as: admin,
      body: { code: 'BI-OK', name: '𠀀新街道 😀' },
    });
    expect(created.status).toBe(201);
    expect((await service.http.request('GET', '/reports/facilities?streetCode=BI-OK', { as: leader })).status).toBe(
      200,
    );
  });
});
