import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { Roles } from '@jianfu/platform';
import {
  BrowserSession,
  createTestIsolation,
  eventually,
  formAction,
  OidcConsoleClient,
  principal,
  type ServiceUnderTest,
  testDistrictCode,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

/**
 * Who works for which department has one source, the organization service's department users: putting a user on a
 * department's staff (or taking them off) reaches the identity service by Kafka, and the user's next token names the
 * department (org_scope.departmentId), or no longer does.
 */
describe('department users reach the identity service', () => {
  const isolation = createTestIsolation('dept-users-identity');
  const admin = principal([Roles.OrganizationAdmin], {}, 'dept-admin');
  let identity: ServiceUnderTest<never>;
  let organization: ServiceUnderTest<never>;
  let client: OidcConsoleClient;
  let userId: string;
  let refreshToken: string;
  let departmentId: string;

  beforeAll(async () => {
    identity = (await services.identity.start(isolation)) as unknown as ServiceUnderTest<never>;
    organization = (await services.organization.start(isolation)) as unknown as ServiceUnderTest<never>;

    const created = await identity.http.request<{ id: string }>('POST', '/users', {
      as: admin,
      body: { loginName: 'zhou.clerk', displayName: '周经办', initialPassword: 'Initial-pass-1' },
    });
    expect(created.status).toBe(201);
    userId = created.body.id;
    const assigned = await identity.http.request('POST', `/users/${userId}/role-assignments`, {
      as: admin,
      body: { role: Roles.DepartmentSubmitter, scope: { districtCode: testDistrictCode } },
    });
    expect(assigned.status).toBe(201);

    const department = await organization.http.request<{ departmentId: string }>('POST', '/departments', {
      as: admin,
      body: { code: 'GL-MZJ-E2E', name: '区民政局' },
    });
    expect(department.status).toBe(201);
    departmentId = department.body.departmentId;

    const origin = identity.http.baseUrl;
    client = new OidcConsoleClient({
      issuer: `${origin}/oidc`,
      origin,
      clientId: 'jianfu-console',
      redirectUri: 'http://127.0.0.1:5173/callback',
    });
    const browser = new BrowserSession();
    const { answer } = await client.signIn(browser, 'zhou.clerk', 'Initial-pass-1');
    const done = await browser.submit(
      new URL(formAction(answer.text), answer.url).href,
      { newPassword: 'Chosen-pass-5', confirmPassword: 'Chosen-pass-5' },
      origin,
    );
    const tokens = await client.exchange(client.codeFrom(done.url));
    expect(tokens.status).toBe(200);
    expect(decodeJwt(tokens.body.access_token).org_scope).toEqual({ districtCode: testDistrictCode });
    refreshToken = tokens.body.refresh_token!;
  });

  afterAll(async () => {
    await organization?.close();
    await identity?.close();
  });

  /** The scope of a fresh access token; the refresh token rotates on every use. */
  async function scopeAfterRefresh(): Promise<unknown> {
    const refreshed = await client.refresh(refreshToken);
    expect(refreshed.status).toBe(200);
    refreshToken = refreshed.body.refresh_token!;
    return decodeJwt(refreshed.body.access_token).org_scope;
  }

  it('puts the department into the user’s tokens once organization has them on its staff', async () => {
    const put = await organization.http.request('PUT', `/departments/${departmentId}/users/${userId}`, {
      as: admin,
      body: { name: '周经办', role: Roles.DepartmentSubmitter },
    });
    expect(put.status).toBe(200);
    await eventually(
      async () => {
        expect(await scopeAfterRefresh()).toEqual({ districtCode: testDistrictCode, departmentId });
      },
      60_000,
      500,
    );
  });

  it('takes it out again once organization takes them off', async () => {
    const removed = await organization.http.request('DELETE', `/departments/${departmentId}/users/${userId}`, {
      as: admin,
    });
    expect(removed.status).toBe(204);
    await eventually(
      async () => {
        expect(await scopeAfterRefresh()).toEqual({ districtCode: testDistrictCode });
      },
      60_000,
      500,
    );
  });
});
