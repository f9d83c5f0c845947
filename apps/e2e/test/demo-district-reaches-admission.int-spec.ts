import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdmissionConfig } from '@jianfu/admission';
import { loadDemoDistrict, type OrganizationConfig } from '@jianfu/organization';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, type ServiceUnderTest } from '@jianfu/testing';
import { services } from './services-under-test.js';

/** The demo district that organization loads is the one other services' demos see, through its events. */
describe('demo district reaches admission', () => {
  const isolation = createTestIsolation('demo-to-admission');
  let organization: ServiceUnderTest<OrganizationConfig>;
  let admission: ServiceUnderTest<AdmissionConfig>;

  beforeAll(async () => {
    [organization, admission] = await Promise.all([
      services.organization.start(isolation),
      services.admission.start(isolation),
    ]);
  });

  afterAll(async () => {
    await Promise.all([organization?.close(), admission?.close()]);
  });

  it('lists every demo community in admission’s directory, under its street', async () => {
    const address = (organization.app.getHttpServer() as { address(): { port: number } }).address();
    const loader = principal([Roles.OrganizationAdmin], {}, 'demo-loader');
    await loadDemoDistrict(`http://127.0.0.1:${address.port}`, await organization.http.token(loader));

    const reviewer = principal([Roles.AdmissionReviewer]);
    const directory = await eventually(async () => {
      const response = await admission.http.request<{
        items: { code: string; name: string; streetCode: string }[];
        total: number;
      }>('GET', '/community-directory?limit=500', { as: reviewer });
      expect(response.body.total).toBe(32);
      return response.body.items;
    });
    expect(directory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '350102001001', name: '鼓东路社区', streetCode: '350102001' }),
        expect.objectContaining({ code: '350102005001', name: '光禄坊社区', streetCode: '350102005' }),
      ]),
    );
  });
});
