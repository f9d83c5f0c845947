import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdmissionConfig } from '@jianfu/admission';
import type { OrganizationConfig } from '@jianfu/organization';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, type ServiceUnderTest } from '@jianfu/testing';
import { services } from './services-under-test.js';

/**
 * Admission's community directory follows organization's hierarchy changes: a community renamed and
 * moved to another street while admission was down shows its latest placement once admission is back.
 */
describe('community renames and moves reach admission', () => {
  const isolation = createTestIsolation('org-changes-admission');
  const admin = principal([Roles.OrganizationAdmin]);
  const reviewer = principal([Roles.AdmissionReviewer]);
  let organization: ServiceUnderTest<OrganizationConfig>;
  let admission: ServiceUnderTest<AdmissionConfig> | undefined;

  beforeAll(async () => {
    organization = await services.organization.start(isolation);
  });

  afterAll(async () => {
    await Promise.all([organization?.close(), admission?.close()]);
  });

  const post = (path: string, body: unknown) => organization.http.request('POST', path, { as: admin, body });

  async function directoryEntry(communityId: string) {
    const response = await admission!.http.request<{ items: Record<string, unknown>[] }>(
      'GET',
      '/community-directory?limit=500',
      { as: reviewer },
    );
    return response.body.items.find((item) => item.communityId === communityId);
  }

  it('catches up on every change made while it was down, and follows later ones', async () => {
    expect((await post('/streets', { code: 'X-S1', name: '鼓东街道' })).status).toBe(201);
    expect((await post('/streets', { code: 'X-S2', name: '鼓西街道' })).status).toBe(201);
    const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'X-C1', name: '旧名社区', streetCode: 'X-S1' },
    });
    const { communityId } = created.body;
    const renamed = await organization.http.request('PATCH', '/hierarchy/units/X-C1', {
      as: admin,
      body: { name: '三坊七巷社区' },
    });
    expect(renamed.status).toBe(200);
    expect((await post('/hierarchy/units/X-C1/move', { newParentCode: 'X-S2' })).status).toBe(200);

    admission = await services.admission.start(isolation);
    await eventually(async () =>
      expect(await directoryEntry(communityId)).toMatchObject({
        code: 'X-C1',
        name: '三坊七巷社区',
        streetCode: 'X-S2',
        districtCode: '350102',
      }),
    );

    // While admission runs, a further move back arrives too, and street-scoped users see the community move.
    expect((await post('/hierarchy/units/X-C1/move', { newParentCode: 'X-S1' })).status).toBe(200);
    await eventually(async () => expect(await directoryEntry(communityId)).toMatchObject({ streetCode: 'X-S1' }));
    const streetOfficial = principal([Roles.AdmissionReviewer], { streetCodes: ['X-S1'] });
    const scoped = await admission.http.request<{ items: { communityId: string }[] }>('GET', '/community-directory', {
      as: streetOfficial,
    });
    expect(scoped.body.items.map((item) => item.communityId)).toEqual([communityId]);
  });
});
