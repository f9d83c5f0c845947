import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { BrowserSession, createTestIsolation, principal } from '@jianfu/testing';
import { ConsoleClient, consoleRedirectUri, type IdentityUnderTest, startIdentity } from './identity-under-test.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('identity: sign-in throttled per address', () => {
  let identity: IdentityUnderTest;

  beforeAll(async () => {
    identity = await startIdentity(createTestIsolation('identity-throttle'), { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '4' });
  });

  afterAll(async () => {
    await identity?.close();
  });

  const attempt = (loginName: string, password: string) =>
    new ConsoleClient(identity).signIn(new BrowserSession(), loginName, password).then(({ answer }) => answer);

  it('refuses an address that failed too often across login names, even with a right password', async () => {
    const created = await identity.http.request<{ id: string }>('POST', '/users', {
      as: admin,
      body: { loginName: 'right.user', displayName: '对', initialPassword: 'Initial-pass-1' },
    });
    expect(created.status).toBe(201);
    // Below the limit, the right password gets through (to the forced change of the initial password).
    expect((await attempt('guess.1', 'Guess-pass-1')).status).toBe(401);
    expect((await attempt('right.user', 'Initial-pass-1')).status).toBe(200);
    for (const name of ['guess.2', 'guess.3', 'guess.4'])
      expect((await attempt(name, 'Guess-pass-1')).status).toBe(401);

    const refused = await attempt('right.user', 'Initial-pass-1');
    expect(refused.status).toBe(401);
    expect(refused.url.startsWith(consoleRedirectUri)).toBe(false);
    expect(refused.text).toContain('用户名或密码错误');
    const audit = await identity.http.request<{ items: { loginName: string; detail: { reason: string } }[] }>(
      'GET',
      '/audit-entries?action=sign-in.failed',
      { as: admin },
    );
    expect(audit.body.items[0]).toMatchObject({ loginName: 'right.user', detail: { reason: 'address-throttled' } });
  });
});
