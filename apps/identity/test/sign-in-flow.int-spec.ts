import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { Roles } from '@jianfu/platform';
import { BrowserSession, createTestIsolation, principal, testDistrictCode } from '@jianfu/testing';
import {
  ConsoleClient,
  consoleRedirectUri,
  formAction,
  type IdentityUnderTest,
  startIdentity,
} from './identity-under-test.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('identity: sign-in with the authorization code flow and PKCE', () => {
  let identity: IdentityUnderTest;

  beforeAll(async () => {
    identity = await startIdentity(createTestIsolation('identity-flow'));
  });

  afterAll(async () => {
    await identity?.close();
  });

  async function createUser(loginName: string, password: string, roles = [Roles.CommunitySecretary]) {
    const created = await identity.http.request<{ id: string }>('POST', '/users', {
      as: admin,
      body: { loginName, displayName: `用户 ${loginName}`, initialPassword: password },
    });
    expect(created.status).toBe(201);
    for (const role of roles) {
      const assigned = await identity.http.request('POST', `/users/${created.body.id}/role-assignments`, {
        as: admin,
        body: { role, scope: { districtCode: testDistrictCode, communityIds: ['c-1'] } },
      });
      expect(assigned.status).toBe(201);
    }
    return created.body.id;
  }

  it('publishes discovery and a JWKS with an RS256 key', async () => {
    const discovery = (await (await fetch(`${identity.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(identity.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    const jwks = (await (await fetch(discovery.jwks_uri as string)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('answers an unknown or expired interaction with a page asking to start again', async () => {
    const page = await new BrowserSession().open(`${identity.origin}/interaction/no-such-interaction`, identity.origin);
    expect(page.status).toBe(400);
    expect(page.text).toContain('登录会话已过期');
    const post = await new BrowserSession().submit(
      `${identity.origin}/interaction/no-such-interaction/login`,
      { username: 'x', password: 'y' },
      identity.origin,
    );
    expect(post.status).toBe(400);
  });

  it('signs a user in, forces the initial password change, and issues a JWT access token with the principal', async () => {
    const userId = await createUser('li.ming', 'Initial-pass-1');
    const client = new ConsoleClient(identity);
    const browser = new BrowserSession();

    const { page, answer } = await client.signIn(browser, 'LI.MING', 'Initial-pass-1');
    expect(page.text).toContain('用户名');
    expect(page.text).toContain('密码');
    expect(page.text).toContain('登录');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('修改初始密码');

    const sameAgain = await browser.submit(
      new URL(formAction(answer.text), answer.url).href,
      { newPassword: 'Initial-pass-1', confirmPassword: 'Initial-pass-1' },
      identity.origin,
    );
    expect(sameAgain.status).toBe(400);
    expect(sameAgain.text).toContain('不能与初始密码相同');

    const changed = await browser.submit(
      new URL(formAction(sameAgain.text), sameAgain.url).href,
      { newPassword: 'New-secret-22', confirmPassword: 'New-secret-22' },
      identity.origin,
    );
    expect(changed.url.startsWith(consoleRedirectUri)).toBe(true);
    const tokens = await client.exchange(client.codeFrom(changed.url));
    expect(tokens.status).toBe(200);
    expect(tokens.body.token_type).toBe('Bearer');
    expect(tokens.body.refresh_token).toBeDefined();
    expect(tokens.body.id_token).toBeDefined();

    const jwks = createRemoteJWKSet(new URL(`${identity.issuer}/jwks`));
    const { payload, protectedHeader } = await jwtVerify(tokens.body.access_token, jwks, {
      issuer: identity.issuer,
      audience: 'urn:jianfu:api',
      algorithms: ['RS256'],
    });
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({
      sub: userId,
      name: '用户 li.ming',
      roles: [Roles.CommunitySecretary],
      org_scope: { districtCode: testDistrictCode, communityIds: ['c-1'] },
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(decodeJwt(tokens.body.id_token!).sub).toBe(userId);

    const user = await identity.http.request<{ mustChangePassword: boolean }>('GET', `/users/${userId}`, { as: admin });
    expect(user.body.mustChangePassword).toBe(false);
  });
});
