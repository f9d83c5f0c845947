import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OrganizationConfig } from '@jianfu/organization';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  GatewayBrowser,
  type GatewayUnderTest,
  reserveGatewayAddress,
  type ServiceUnderTest,
  startGatewayUnderTest,
  testDatabase,
} from '@jianfu/testing';
import { createUser, type IdentityForGateway, startIdentityForGateway } from './gateway-stack.js';
import { services } from './services-under-test.js';

/**
 * The console's session through the gateway, against the real identity service and a real service: sign-in with
 * code + PKCE, the session cookie (its id and tokens unreadable at rest), CSRF, forwarding, a service down,
 * refresh, a refused refresh, a gateway restart, sign-out.
 */
describe('gateway: sessions and forwarding', () => {
  const isolation = createTestIsolation('gateway-sessions');
  const db = testDatabase();
  const schema = isolation.schema('gateway');
  let identity: IdentityForGateway;
  let organization: ServiceUnderTest<OrganizationConfig>;
  let gateway: GatewayUnderTest;
  let admin: { id: string; loginName: string; password: string };
  let browser: GatewayBrowser;
  const address = reserveGatewayAddress();
  // A console build as `vite build` lays it out: index.html and hashed assets.
  const consoleDist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(consoleDist, 'assets'));
  writeFileSync(
    join(consoleDist, 'index.html'),
    '<!doctype html><div id="root"></div><script src="/assets/index-4f2a.js"></script>',
  );
  writeFileSync(join(consoleDist, 'assets', 'index-4f2a.js'), 'console.log("减负");');

  const startGateway = async (environment: Record<string, string> = {}) =>
    startGatewayUnderTest({
      isolation,
      address: await address,
      identityIssuer: identity.issuer,
      services: { organization: organization.http.baseUrl },
      consoleDist,
      environment,
    });

  beforeAll(async () => {
    identity = await startIdentityForGateway(isolation, await address, { ACCESS_TOKEN_TTL_SECONDS: '60' });
    organization = await services.organization.start(isolation, { OIDC_ISSUER: identity.issuer });
    gateway = await startGateway();
    admin = await createUser(identity, {
      loginName: 'zhou.admin',
      displayName: '周管理员',
      roles: [Roles.OrganizationAdmin],
    });
    browser = new GatewayBrowser(gateway.baseUrl);
  });

  afterAll(async () => {
    await gateway?.close();
    await organization?.close();
    await identity?.close();
    await db.end();
  });

  it('answers 401 session.required without a session, and refuses a callback this browser did not start', async () => {
    const anonymous = new GatewayBrowser(gateway.baseUrl);
    const session = await anonymous.call<{ code: string }>('GET', '/auth/session');
    expect(session.status).toBe(401);
    expect(session.headers.get('content-type')).toContain('application/problem+json');
    expect(session.body.code).toBe('session.required');
    expect((await anonymous.call<{ code: string }>('GET', '/api/organization/communities')).body.code).toBe(
      'session.required',
    );
    const callback = await anonymous.call<{ code: string }>('GET', '/auth/callback?code=stolen&state=guess');
    expect(callback.status).toBe(400);
    expect(callback.body.code).toBe('sign-in.invalid-callback');
  });

  it('signs in through the identity service and returns to the path asked for; only a path of its own', async () => {
    const landed = await browser.signIn(admin.loginName, admin.password, {
      returnTo: '/communities?tab=all',
      newPassword: 'Chosen-pass-42',
    });
    admin.password = 'Chosen-pass-42';
    expect(`${landed.pathname}${landed.search}`).toBe('/communities?tab=all');

    const session = await browser.call<{
      user: { id: string; name: string; roles: string[]; scope: { districtCode: string } };
      csrfToken: string;
      expiresAt: string;
    }>('GET', '/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual({
      id: admin.id,
      name: '周管理员',
      roles: [Roles.OrganizationAdmin],
      scope: { districtCode: '350102' },
    });
    expect(session.body.csrfToken.length).toBeGreaterThan(20);
    expect(Date.parse(session.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(session.headers.get('cache-control')).toBe('no-store');

    const elsewhere = new GatewayBrowser(gateway.baseUrl);
    const bounced = await elsewhere.signIn(admin.loginName, admin.password, { returnTo: '//evil.example/x' });
    expect(bounced.pathname).toBe('/');
    expect(bounced.host).toBe(new URL(gateway.baseUrl).host);
  });

  it('keeps the session id only hashed and the tokens only sealed', async () => {
    const cookie = browser.browser.cookie('jianfu_session')!;
    const rows = await db.query<{ id_hash: string; tokens: string }>(`SELECT id_hash, tokens FROM ${schema}.session`);
    const hashed = createHash('sha256').update(cookie).digest('hex');
    expect(rows.rows.map((row) => row.id_hash)).toContain(hashed);
    expect(rows.rows.map((row) => row.id_hash)).not.toContain(cookie);
    for (const row of rows.rows) expect(row.tokens).not.toMatch(/eyJ/);
  });

  it('refuses an unsafe method without the CSRF token, or with another one', async () => {
    const missing = await browser.call<{ code: string }>('POST', '/api/organization/streets', {
      body: { code: 'S-CSRF', name: '跨站街道' },
      csrf: false,
    });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf.token-invalid');
    const wrong = await browser.call<{ code: string }>('POST', '/api/organization/streets', {
      body: { code: 'S-CSRF', name: '跨站街道' },
      csrf: false,
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.status).toBe(403);
    const signOut = await browser.call('POST', '/auth/sign-out', { csrf: false });
    expect(signOut.status).toBe(403);
  });

  it('forwards calls with the user’s token, and the service’s answers and problems as they are', async () => {
    const created = await browser.call<{ streetId: string }>('POST', '/api/organization/streets', {
      body: { code: 'S-GW', name: '网关街道' },
      headers: { 'idempotency-key': 'street-s-gw' },
    });
    expect(created.status).toBe(201);
    expect(created.body.streetId).toMatch(/^[0-9a-f-]{36}$/);
    const replayed = await browser.call('POST', '/api/organization/streets', {
      body: { code: 'S-GW', name: '网关街道' },
      headers: { 'idempotency-key': 'street-s-gw' },
    });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');

    const listed = await browser.call<{ items: { code: string }[]; total: number }>(
      'GET',
      '/api/organization/streets?limit=10',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((street) => street.code)).toContain('S-GW');

    const invalid = await browser.call<{ code: string; errors: { field: string }[] }>(
      'POST',
      '/api/organization/streets',
      { body: { code: 'S-GW2' } },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.body.code).toBe('request.invalid');
    expect(invalid.body.errors.map((error) => error.field)).toContain('name');
  });

  it('answers 503 gateway.service-unavailable naming a service that does not answer', async () => {
    const down = await browser.call<{ code: string; service: string }>('GET', '/api/finance/budgets');
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('application/problem+json');
    expect(down.headers.get('retry-after')).toBeTruthy();
    expect(down.body).toMatchObject({ code: 'gateway.service-unavailable', service: 'finance' });
  });

  it('refreshes the access token when it is about to expire, once for requests arriving together', async () => {
    const idHash = createHash('sha256').update(browser.browser.cookie('jianfu_session')!).digest('hex');
    const before = await db.query<{ tokens: string }>(`SELECT tokens FROM ${schema}.session WHERE id_hash = $1`, [
      idHash,
    ]);
    await db.query(`UPDATE ${schema}.session SET access_expires_at = now() WHERE id_hash = $1`, [idHash]);
    const answers = await Promise.all([1, 2, 3].map(() => browser.call('GET', '/api/organization/streets?limit=1')));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const after = await db.query<{ tokens: string; access_expires_at: Date }>(
      `SELECT tokens, access_expires_at FROM ${schema}.session WHERE id_hash = $1`,
      [idHash],
    );
    expect(after.rows[0].tokens).not.toBe(before.rows[0].tokens);
    expect(after.rows[0].access_expires_at.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Had two requests spent the same refresh token, the identity service would have revoked the grant.
    await db.query(`UPDATE ${schema}.session SET access_expires_at = now() WHERE id_hash = $1`, [idHash]);
    expect((await browser.call('GET', '/api/organization/streets?limit=1')).status).toBe(200);
  });

  it('keeps sessions across a gateway restart', async () => {
    const secret = gateway.environment.SESSION_SECRET;
    await gateway.close();
    gateway = await startGateway({ SESSION_SECRET: secret });
    const session = await browser.call<{ user: { id: string } }>('GET', '/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.id).toBe(admin.id);
    expect((await browser.call('GET', '/api/organization/streets?limit=1')).status).toBe(200);
  });

  it('serves the console: its page for any client route, hashed assets cached, under a CSP fit for its build', async () => {
    const anonymous = new GatewayBrowser(gateway.baseUrl);
    const page = await anonymous.call<string>('GET', '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");

    const route = await anonymous.call<string>('GET', '/submissions/42?tab=timeline', {
      headers: { accept: 'text/html' },
    });
    expect(route.status).toBe(200);
    expect(route.text).toBe(page.text);
    const asset = await anonymous.call<string>('GET', '/assets/index-4f2a.js', { headers: { accept: '*/*' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await anonymous.call('GET', '/assets/index-old.js', { headers: { accept: '*/*' } })).status).toBe(404);
    const api = await anonymous.call<{ code: string }>('GET', '/api/nowhere/x', { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('signs out: the session ends here and the browser is sent to the identity service’s end_session', async () => {
    const signedOut = await browser.call<{ signOutUrl: string }>('POST', '/auth/sign-out');
    expect(signedOut.status).toBe(200);
    const url = new URL(signedOut.body.signOutUrl);
    expect(url.href.startsWith(`${identity.issuer}/session/end`)).toBe(true);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${gateway.baseUrl}/`);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    const page = await browser.browser.open(url.href, new URL(identity.issuer).origin);
    expect(page.status).toBe(200);
    expect((await browser.call<{ code: string }>('GET', '/auth/session')).body.code).toBe('session.required');
  });

  it('ends the session with 401 session.expired when the identity service refuses the refresh', async () => {
    const other = new GatewayBrowser(gateway.baseUrl);
    await other.signIn(admin.loginName, admin.password);
    const disabled = await identity.http.request('PUT', `/users/${admin.id}/status`, {
      as: { userId: 'admin', name: 'admin', roles: [Roles.OrganizationAdmin], scope: { districtCode: '350102' } },
      body: { status: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    const idHash = createHash('sha256').update(other.browser.cookie('jianfu_session')!).digest('hex');
    await db.query(`UPDATE ${schema}.session SET access_expires_at = now() WHERE id_hash = $1`, [idHash]);
    const refused = await other.call<{ code: string }>('GET', '/api/organization/streets');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('session.expired');
    expect((await db.query(`SELECT 1 FROM ${schema}.session WHERE id_hash = $1`, [idHash])).rowCount).toBe(0);
  });
});
