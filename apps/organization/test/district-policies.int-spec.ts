import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDateOf, type Principal, Roles } from '@jianfu/platform';
import { createTestIsolation, principal, type ServiceUnderTest } from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

/**
 * Organization's district policies on the real servers: party-organisation thresholds, the facility standard
 * and the 双评议 penalty are read from the version in force, which each answer names, and a document that
 * contradicts itself is refused naming the rule.
 */
describe('organization district policies', () => {
  const isolation = createTestIsolation('org-policies');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  const secondAdmin = principal([Roles.OrganizationAdmin], {}, 'org-admin-2');
  const today = chinaDateOf(new Date());
  let service: ServiceUnderTest<OrganizationConfig>;
  let communityId: string;

  beforeAll(async () => {
    service = await startOrganization(isolation);
    expect((await request('POST', '/streets', { code: 'PP-S1', name: '政策街道' })).status).toBe(201);
    const created = await request<{ communityId: string }>('POST', '/communities', {
      code: 'PP-C1',
      name: '政策社区',
      streetCode: 'PP-S1',
      partyMemberCount: 40,
    });
    communityId = created.body.communityId;
  });

  afterAll(async () => {
    await service?.close();
  });

  function request<T = unknown>(method: string, path: string, body?: unknown, as: Principal = admin) {
    return service.http.request<T>(method, path, { as, ...(body === undefined ? {} : { body }) });
  }

  async function publish(kind: string, document: object): Promise<number> {
    const proposed = await request<{ version: number }>('POST', `/policies/${kind}/versions`, {
      document,
      effectiveFrom: today,
      reason: '区委组织部通知',
    });
    expect(proposed.status).toBe(201);
    const published = await request(
      'POST',
      `/policies/${kind}/versions/${proposed.body.version}/actions`,
      { kind: 'approve' },
      secondAdmin,
    );
    expect(published.status).toBe(200);
    return proposed.body.version;
  }

  it('lists its kinds with the version in force', async () => {
    const kinds = await request<{ items: { kind: string; version: number }[] }>('GET', '/policies');
    expect(kinds.body.items.map(({ kind, version }) => [kind, version])).toEqual([
      ['party-organisation', 1],
      ['facilities', 1],
      ['evaluation', 1],
    ]);
  });

  it('judges an upgrade by the thresholds in force', async () => {
    const organisation = () =>
      request<{ justifiedKind: string; upgradeJustified: boolean; policyVersion: number }>(
        'GET',
        `/communities/${communityId}/party-organisation`,
      );
    expect((await organisation()).body).toMatchObject({
      justifiedKind: 'branch',
      upgradeJustified: false,
      policyVersion: 1,
    });
    const refused = await request<{ code: string }>(
      'POST',
      `/communities/${communityId}/party-organisation/upgrade-requests`,
      {
        toKind: 'general-branch',
      },
    );
    expect(refused.status).toBe(422);

    const invalid = await request<{ code: string; errors: { field: string; rule: string }[] }>(
      'POST',
      '/policies/party-organisation/versions',
      {
        document: { branchMinMembers: 2, generalBranchMinMembers: 50, committeeMinMembers: 40 },
        effectiveFrom: today,
        reason: '试',
      },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map(({ field, rule }) => ({ field, rule }))).toEqual([
      { field: 'branchMinMembers', rule: 'branch-at-least-3-members' },
      { field: 'committeeMinMembers', rule: 'thresholds-ascend' },
    ]);

    expect(
      await publish('party-organisation', {
        branchMinMembers: 3,
        generalBranchMinMembers: 30,
        committeeMinMembers: 100,
      }),
    ).toBe(2);
    expect((await organisation()).body).toMatchObject({
      justifiedKind: 'general-branch',
      upgradeJustified: true,
      policyVersion: 2,
    });
    const requested = await request('POST', `/communities/${communityId}/party-organisation/upgrade-requests`, {
      toKind: 'general-branch',
    });
    expect(requested.status).toBe(202);
  });

  it('measures premises against the standard in force', async () => {
    const premises = { officeAreaM2: 150, serviceAreaM2: 300, stations: [] };
    expect((await request('PUT', `/communities/${communityId}/facilities`, premises)).body).toMatchObject({
      standardAreaM2: 500,
      meetsStandard: false,
      policyVersion: 1,
    });
    expect(await publish('facilities', { standardAreaM2: 400 })).toBe(2);
    expect((await request('GET', `/communities/${communityId}/facilities`)).body).toMatchObject({
      standardAreaM2: 400,
      meetsStandard: true,
      policyVersion: 2,
    });
    expect((await request('GET', '/reports/facilities')).body).toMatchObject({ standardAreaM2: 400, policyVersion: 2 });
  });

  it('ranks a period by the 双评议 policy in force when it ended', async () => {
    const penalty = { gradePoints: { satisfied: 100, basicallySatisfied: 60, dissatisfied: 0 }, violationPenalty: 7 };
    const unordered = await request<{ errors: { field: string; rule: string }[] }>(
      'POST',
      '/policies/evaluation/versions',
      {
        document: { ...penalty, gradePoints: { satisfied: 50, basicallySatisfied: 60, dissatisfied: 0 } },
        effectiveFrom: today,
        reason: '试',
      },
    );
    expect(unordered.body.errors).toEqual([
      expect.objectContaining({ field: 'gradePoints.basicallySatisfied', rule: 'points-fall-with-grade' }),
    ]);
    expect(await publish('evaluation', penalty)).toBe(2);
    const year = Number(today.slice(0, 4));
    const ranking = (period: number) =>
      request<{ penaltyPerViolation: number; policyVersion: number }>(
        'GET',
        `/reports/department-evaluation?period=${period}`,
        undefined,
        principal([Roles.DistrictLeader]),
      );
    expect((await ranking(year)).body).toMatchObject({ penaltyPerViolation: 7, policyVersion: 2 });
    // A year that ended before the change keeps the figures it was ranked by.
    expect((await ranking(year - 1)).body).toMatchObject({ penaltyPerViolation: 5, policyVersion: 1 });
  });
});
