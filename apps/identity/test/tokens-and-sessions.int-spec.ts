import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { Roles } from '@jianfu/platform';
import { BrowserSession, createTestIsolation, eventually, principal, testDistrictCode } from '@jianfu/testing';
import {
  ConsoleClient,
  consoleRedirectUri,
  formAction,
  type IdentityUnderTest,
  startIdentity,
} from './identity-under-test.js';

const admin = principal([Roles.OrganizationAdmin]);
const audience = 'urn:jianfu:api';

describe('identity: refresh rotation, sign-out, lockout, key rotation', () => {
  let identity: IdentityUnderTest;

  beforeAll(async () => {
    identity = await startIdentity(createTestIsolation('identity-tokens'), {
      SIGN_IN_MAX_FAILURES: '3',
      SIGNING_KEY_PUBLISH_AHEAD_SECONDS: '2',
    });
  });

  afterAll(async () => {
    await identity?.close();
  });

  /** A user who has already replaced the initial password, with one role in a street. */
  async function activeUser(loginName: string): Promise<{ userId: string; password: string }> {
    const created = await identity.http.request<{ id: string }>('POST', '/users', {
      as: admin,
      body: { loginName, displayName: loginName, initialPassword: 'Initial-pass-1' },
    });
    expect(created.status).toBe(201);
    await identity.http.request('POST', `/users/${created.body.id}/role-assignments`, {
      as: admin,
      body: { role: Roles.AdmissionReviewer, scope: { districtCode: testDistrictCode, streetCodes: ['s-1'] } },
    });
    const browser = new BrowserSession();
    const client = new ConsoleClient(identity);
    const { answer } = await client.signIn(browser, loginName, 'Initial-pass-1');
    await browser.submit(
      new URL(formAction(answer.text), answer.url).href,
      { newPassword: 'Chosen-pass-2', confirmPassword: 'Chosen-pass-2' },
      identity.origin,
    );
    return { userId: created.body.id, password: 'Chosen-pass-2' };
  }

  async function signIn(loginName: string, password: string) {
    const browser = new BrowserSession();
    const client = new ConsoleClient(identity);
    const { answer } = await client.signIn(browser, loginName, password);
    expect(answer.url.startsWith(consoleRedirectUri)).toBe(true);
    const tokens = await client.exchange(client.codeFrom(answer.url));
    expect(tokens.status).toBe(200);
    return { browser, client, tokens: tokens.body };
  }

  it('refuses a code exchange without the PKCE verifier that made the challenge', async () => {
    const { password } = await activeUser('pkce.user');
    const browser = new BrowserSession();
    const client = new ConsoleClient(identity);
    const { answer } = await client.signIn(browser, 'pkce.user', password);
    const code = client.codeFrom(answer.url);
    const wrong = await client.exchange(code, 'x'.repeat(43));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    // A code is single-use: the failed attempt does not leave it usable by someone else either way.

    const noChallenge = new URL(client.authorizationUrl());
    noChallenge.searchParams.delete('code_challenge');
    noChallenge.searchParams.delete('code_challenge_method');
    const refused = await new BrowserSession().open(noChallenge.href, identity.origin);
    expect(new URL(refused.url).searchParams.get('error')).toBe('invalid_request');
  });

  it('rotates refresh tokens, and a reused one revokes the whole grant', async () => {
    const { password } = await activeUser('refresh.user');
    const { client, tokens } = await signIn('refresh.user', password);

    const first = await client.refresh(tokens.refresh_token!);
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toBeDefined();
    expect(first.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(decodeJwt(first.body.access_token).roles).toEqual([Roles.AdmissionReviewer]);

    const reused = await client.refresh(tokens.refresh_token!);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    // The reuse suggests a stolen token: the newest one is revoked with it.
    const newest = await client.refresh(first.body.refresh_token!);
    expect(newest.status).toBe(400);
    expect(newest.body.error).toBe('invalid_grant');
  });

  it('signs out (RP-initiated): the session and its refresh token end, and the next visit asks for the password', async () => {
    const { password } = await activeUser('logout.user');
    const { browser, client, tokens } = await signIn('logout.user', password);

    const endSession = new URL(`${identity.issuer}/session/end`);
    endSession.search = new URLSearchParams({
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: new URL('/', consoleRedirectUri).href,
      state: 'bye',
    }).toString();
    const confirm = await browser.open(endSession.href, identity.origin);
    expect(confirm.text).toContain('退出');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.text)?.[1];
    expect(xsrf).toBeDefined();
    const done = await browser.submit(
      new URL(formAction(confirm.text), confirm.url).href,
      { xsrf: xsrf!, logout: 'yes' },
      identity.origin,
    );
    expect(done.url).toBe(`${new URL('/', consoleRedirectUri).href}?state=bye`);

    const refreshed = await client.refresh(tokens.refresh_token!);
    expect(refreshed.status).toBe(400);
    expect(refreshed.body.error).toBe('invalid_grant');
    const again = await browser.open(new ConsoleClient(identity).authorizationUrl(), identity.origin);
    expect(again.text).toContain('登录减负平台');
  });

  it('answers wrong password, unknown user and locked user alike, locks after repeated failures, and logs each', async () => {
    const { userId, password } = await activeUser('lock.user');
    const attempt = async (loginName: string, attemptPassword: string) => {
      const { answer } = await new ConsoleClient(identity).signIn(new BrowserSession(), loginName, attemptPassword);
      return {
        status: answer.status,
        text: answer.text.replace(/value="[^"]*"/g, '').replace(/\/interaction\/[^/"]+/g, ''),
      };
    };
    const wrong = await attempt('lock.user', 'Wrong-pass-1');
    const unknown = await attempt('nobody.here', 'Wrong-pass-1');
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
    await attempt('lock.user', 'Wrong-pass-2');
    await attempt('lock.user', 'Wrong-pass-3');
    const locked = await attempt('lock.user', password);
    expect(locked).toEqual(wrong);

    const user = await identity.http.request<{ lockedUntil: string | null }>('GET', `/users/${userId}`, { as: admin });
    expect(user.body.lockedUntil).not.toBeNull();
    const audit = await identity.http.request<{ items: { action: string; detail: { reason?: string } }[] }>(
      'GET',
      `/audit-entries?userId=${userId}&limit=50`,
      { as: admin },
    );
    const actions = audit.body.items.map(
      (entry) => `${entry.action}${entry.detail.reason ? `:${entry.detail.reason}` : ''}`,
    );
    expect(actions.slice(0, 5)).toEqual([
      'sign-in.failed:locked',
      'sign-in.locked-out',
      'sign-in.failed:wrong-password',
      'sign-in.failed:wrong-password',
      'sign-in.failed:wrong-password',
    ]);
    const unknownEntries = await identity.http.request<{ items: { loginName: string; detail: { reason: string } }[] }>(
      'GET',
      '/audit-entries?action=sign-in.failed&limit=500',
      { as: admin },
    );
    expect(unknownEntries.body.items).toContainEqual(
      expect.objectContaining({ loginName: 'nobody.here', detail: { reason: 'unknown-user' } }),
    );
  });

  it('refuses sign-in and refresh for a disabled user', async () => {
    const { userId, password } = await activeUser('disabled.user');
    const { client, tokens } = await signIn('disabled.user', password);
    const disabled = await identity.http.request('PUT', `/users/${userId}/status`, {
      as: admin,
      body: { status: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    const refreshed = await client.refresh(tokens.refresh_token!);
    expect(refreshed.status).toBe(400);
    expect(refreshed.body.error).toBe('invalid_grant');
    const { answer } = await new ConsoleClient(identity).signIn(new BrowserSession(), 'disabled.user', password);
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('用户名或密码错误');
  });

  it('rotates the signing key while tokens are in flight: published first, then signing, the old key kept', async () => {
    const { password } = await activeUser('rotation.user');
    // A verifier as services configure it: the JWKS cached, refetched on an unknown kid at most once per cooldown.
    const jwks = createRemoteJWKSet(new URL(`${identity.issuer}/jwks`), { cooldownDuration: 1000 });
    const verify = (token: string) =>
      jwtVerify(token, jwks, { issuer: identity.issuer, audience, algorithms: ['RS256'] });

    const { client, tokens } = await signIn('rotation.user', password);
    const oldKid = decodeProtectedHeader(tokens.access_token).kid;
    await verify(tokens.access_token);

    const rotation = await identity.http.request<{ nextKid: string; activatesAt: string; publishedKids: string[] }>(
      'POST',
      '/signing-keys/rotation',
      { as: admin },
    );
    expect(rotation.status).toBe(200);
    expect(rotation.body.publishedKids).toEqual([oldKid, rotation.body.nextKid]);
    const published = (await (await fetch(`${identity.issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    expect(published.keys.map((key) => key.kid)).toEqual([oldKid, rotation.body.nextKid]);

    // Until the new key activates, the old one keeps signing.
    let refreshToken = tokens.refresh_token!;
    const beforeActivation = await client.refresh(refreshToken);
    refreshToken = beforeActivation.body.refresh_token!;
    expect(decodeProtectedHeader(beforeActivation.body.access_token).kid).toBe(oldKid);

    const signedByNewKey = await eventually(
      async () => {
        const refreshed = await client.refresh(refreshToken);
        expect(refreshed.status).toBe(200);
        refreshToken = refreshed.body.refresh_token!;
        expect(decodeProtectedHeader(refreshed.body.access_token).kid).toBe(rotation.body.nextKid);
        return refreshed.body.access_token;
      },
      10_000,
      250,
    );
    const afterActivation = (await (await fetch(`${identity.issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    expect(afterActivation.keys.map((key) => key.kid)).toEqual([rotation.body.nextKid, oldKid]);

    // Tokens from before the rotation still verify, and so do the new key's, through the same cached key set.
    await expect(verify(tokens.access_token)).resolves.toBeDefined();
    await expect(verify(signedByNewKey)).resolves.toBeDefined();
  });

  it('a token signed by any other key does not verify against the JWKS, even naming a published kid', async () => {
    const jwks = createRemoteJWKSet(new URL(`${identity.issuer}/jwks`));
    const published = (await (await fetch(`${identity.issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({
      roles: [Roles.OrganizationAdmin],
      org_scope: { districtCode: testDistrictCode },
    })
      .setProtectedHeader({ alg: 'RS256', kid: published.keys[0].kid, typ: 'at+jwt' })
      .setIssuer(identity.issuer)
      .setAudience(audience)
      .setSubject('forger')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(jwtVerify(forged, jwks, { issuer: identity.issuer, audience })).rejects.toThrow(
      'signature verification failed',
    );
  });
});
