import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { decodeJwt } from 'jose';
import { Roles } from '@jianfu/platform';
import {
  BrowserSession,
  createTestIsolation,
  principal,
  testDatabase,
  testDistrictCode,
  type TestIsolation,
} from '@jianfu/testing';
import { ConsoleClient, formAction, type IdentityUnderTest, startIdentity } from './identity-under-test.js';

const admin = principal([Roles.OrganizationAdmin], {}, 'admin-1');

interface UserBody {
  id: string;
  status: string;
  assignments: { id: string; role: string; scope: Record<string, unknown> }[];
}

describe('identity: user administration', () => {
  let identity: IdentityUnderTest;
  let isolation: TestIsolation;
  let db: pg.Pool;

  beforeAll(async () => {
    isolation = createTestIsolation('identity-admin');
    identity = await startIdentity(isolation);
    db = testDatabase();
  });

  afterAll(async () => {
    await db?.end();
    await identity?.close();
  });

  const create = (body: Record<string, unknown>, as = admin) =>
    identity.http.request<UserBody & { code?: string; detail?: string }>('POST', '/users', { as, body });

  it('refuses bad input with a problem naming the field or rule', async () => {
    const weak = await create({ loginName: 'weak.user', displayName: '弱', initialPassword: 'short1' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('user.password-too-weak');
    expect(weak.body.detail).toContain('initialPassword');

    const badName = await create({ loginName: 'a b', displayName: 'x', initialPassword: 'Initial-pass-1' });
    expect(badName.status).toBe(400);
    expect(JSON.stringify(badName.body)).toContain('loginName');

    expect(
      (await create({ loginName: 'Wang.Fang', displayName: '王芳', initialPassword: 'Initial-pass-1' })).status,
    ).toBe(201);
    const taken = await create({ loginName: 'wang.fang', displayName: '王芳', initialPassword: 'Initial-pass-1' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('user.login-name-taken');
  });

  it('lets only the organization admin administer users', async () => {
    const body = { loginName: 'not.allowed', displayName: 'x', initialPassword: 'Initial-pass-1' };
    expect((await create(body, principal([Roles.DistrictLeader]))).status).toBe(403);
    expect((await identity.http.request('POST', '/users', { body })).status).toBe(401);
  });

  it('assigns roles within one organisation scope of the admin’s district, and revokes them', async () => {
    const user = await create({ loginName: 'zhao.lei', displayName: '赵磊', initialPassword: 'Initial-pass-1' });
    const assign = (role: string, scope: Record<string, unknown>) =>
      identity.http.request<UserBody & { code?: string }>('POST', `/users/${user.body.id}/role-assignments`, {
        as: admin,
        body: { role, scope },
      });
    const street = { districtCode: testDistrictCode, streetCodes: ['s-2', 's-1'] };

    const first = await assign(Roles.AdmissionReviewer, street);
    expect(first.status).toBe(201);
    expect(first.body.assignments).toEqual([
      expect.objectContaining({
        role: Roles.AdmissionReviewer,
        scope: { districtCode: testDistrictCode, streetCodes: ['s-2', 's-1'] },
      }),
    ]);
    // Same scope, listed in another order: one scope.
    expect(
      (await assign(Roles.DistrictLeader, { districtCode: testDistrictCode, streetCodes: ['s-1', 's-2'] })).status,
    ).toBe(201);
    expect((await assign(Roles.DistrictLeader, street)).body.code).toBe('assignment.role-taken');
    const conflict = await assign(Roles.FinanceOfficer, { districtCode: testDistrictCode });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('assignment.scope-conflict');
    const elsewhere = await assign(Roles.FinanceOfficer, { districtCode: '999999' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('user.out-of-district');
    expect((await assign('emperor', street)).status).toBe(400);

    const revoked = await identity.http.request<UserBody>(
      'DELETE',
      `/users/${user.body.id}/role-assignments/${first.body.assignments[0].id}`,
      { as: admin },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.assignments.map((assignment) => assignment.role)).toEqual([Roles.DistrictLeader]);
    const again = await identity.http.request<{ code: string }>(
      'DELETE',
      `/users/${user.body.id}/role-assignments/${first.body.assignments[0].id}`,
      { as: admin },
    );
    expect(again.body.code).toBe('assignment.not-found');

    const page = await identity.http.request<{ items: UserBody[]; total: number; offset: number; limit: number }>(
      'GET',
      '/users?limit=1',
      { as: admin },
    );
    expect(page.body).toMatchObject({ offset: 0, limit: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
  });

  it('carries a changed assignment into the token at the next refresh', async () => {
    const user = await create({ loginName: 'sun.li', displayName: '孙丽', initialPassword: 'Initial-pass-1' });
    const scope = { districtCode: testDistrictCode, streetCodes: ['350102001'] };
    const first = await identity.http.request<UserBody>('POST', `/users/${user.body.id}/role-assignments`, {
      as: admin,
      body: { role: Roles.DepartmentSubmitter, scope },
    });
    const client = new ConsoleClient(identity);
    const browser = new BrowserSession();
    const { answer } = await client.signIn(browser, 'sun.li', 'Initial-pass-1');
    const done = await browser.submit(
      new URL(formAction(answer.text), answer.url).href,
      { newPassword: 'Chosen-pass-3', confirmPassword: 'Chosen-pass-3' },
      identity.origin,
    );
    const tokens = await client.exchange(client.codeFrom(done.url));
    expect(decodeJwt(tokens.body.access_token)).toMatchObject({ roles: [Roles.DepartmentSubmitter], org_scope: scope });

    await identity.http.request('POST', `/users/${user.body.id}/role-assignments`, {
      as: admin,
      body: { role: Roles.AdmissionReviewer, scope },
    });
    await identity.http.request('DELETE', `/users/${user.body.id}/role-assignments/${first.body.assignments[0].id}`, {
      as: admin,
    });
    const refreshed = await client.refresh(tokens.body.refresh_token!);
    expect(decodeJwt(refreshed.body.access_token)).toMatchObject({
      roles: [Roles.AdmissionReviewer],
      org_scope: scope,
    });
  });

  it('logs every change with its actor, and the log cannot be edited', async () => {
    const user = await create({ loginName: 'zhou.jie', displayName: '周杰', initialPassword: 'Initial-pass-1' });
    await identity.http.request('POST', `/users/${user.body.id}/role-assignments`, {
      as: admin,
      body: { role: Roles.HrOfficer, scope: { districtCode: testDistrictCode } },
    });
    const disabled = () =>
      identity.http.request<UserBody>('PUT', `/users/${user.body.id}/status`, {
        as: admin,
        body: { status: 'disabled' },
      });
    expect((await disabled()).body.status).toBe('disabled');
    expect((await disabled()).status).toBe(200);

    const audit = await identity.http.request<{ items: { action: string; actorId: string }[] }>(
      'GET',
      `/audit-entries?userId=${user.body.id}`,
      { as: admin },
    );
    // Disabling twice is one change.
    expect(audit.body.items.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['user.disabled', 'admin-1'],
      ['role.assigned', 'admin-1'],
      ['user.created', 'admin-1'],
    ]);
    // An administrator of another district reads none of this district's log.
    const elsewhere = await identity.http.request<{ items: unknown[]; total: number }>(
      'GET',
      `/audit-entries?userId=${user.body.id}`,
      { as: principal([Roles.OrganizationAdmin], { districtCode: '999999' }, 'admin-elsewhere') },
    );
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.total).toBe(0);

    const schema = isolation.schema('identity');
    await expect(db.query(`UPDATE ${schema}.audit_entry SET actor_id = 'someone-else'`)).rejects.toThrow(
      'audit entries are immutable',
    );
    await expect(db.query(`DELETE FROM ${schema}.audit_entry`)).rejects.toThrow('audit entries are immutable');
  });
  it('names colleagues of the caller’s district to any signed-in user, and nobody else', async () => {
    const named = async (loginName: string, displayName: string, districtCode: string) => {
      const user = await create({ loginName, displayName, initialPassword: 'Initial-pass-1' });
      expect(user.status).toBe(201);
      const assigned = await identity.http.request('POST', `/users/${user.body.id}/role-assignments`, {
        as: principal([Roles.OrganizationAdmin], { districtCode }),
        body: { role: Roles.HrOfficer, scope: { districtCode } },
      });
      expect(assigned.status).toBe(201);
      return user.body.id;
    };
    const colleague = await named('names.colleague', '孙丽', testDistrictCode);
    const elsewhere = await named('names.elsewhere', '周强', '350103');
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [] }, 'names-reader');
    const names = await identity.http.request<{ items: { id: string; displayName: string }[] }>(
      'GET',
      `/user-names?id=${colleague}&id=${elsewhere}&id=00000000-0000-4000-8000-000000000000`,
      { as: secretary },
    );
    expect(names.status).toBe(200);
    expect(names.body.items).toEqual([{ id: colleague, displayName: '孙丽' }]);
    const one = await identity.http.request<{ items: unknown[] }>('GET', `/user-names?id=${colleague}`, {
      as: secretary,
    });
    expect(one.body.items).toHaveLength(1);
    const bad = await identity.http.request<{ errors: { field: string }[] }>('GET', '/user-names?id=not-a-uuid', {
      as: secretary,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('id');
    expect((await identity.http.request('GET', `/user-names?id=${colleague}`)).status).toBe(401);
  });
});
