import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPair, SignJWT, decodeProtectedHeader } from 'jose';
import { IdentityConfig, IdentityModule } from '@jianfu/identity';
import { OrganizationConfig, OrganizationModule } from '@jianfu/organization';
import { Roles } from '@jianfu/platform';
import {
  BrowserSession,
  createTestIsolation,
  devToolsOf,
  formAction,
  freePort,
  OidcConsoleClient,
  principal,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
  testDistrictCode,
} from '@jianfu/testing';

const redirectUri = 'http://127.0.0.1:5999/callback';
const audience = 'urn:jianfu:api';

/**
 * A person signs in at the identity service and calls another service with the access token it issued: the
 * service verifies it by the issuer's published keys (OIDC_ISSUER) and refuses every token that issuer did not sign.
 */
describe('tokens of the OpenID issuer reach the services', () => {
  const isolation = createTestIsolation('issuer-tokens');
  let identity: ServiceUnderTest<IdentityConfig>;
  let organization: ServiceUnderTest<OrganizationConfig>;
  let issuer: string;
  let client: OidcConsoleClient;
  let accessToken: string;

  beforeAll(async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    issuer = `${origin}/oidc`;
    const devTools = devToolsOf(issuer);
    identity = await startServiceUnderTest({
      configClass: IdentityConfig,
      environment: serviceEnvironment(isolation, 'identity', {
        OIDC_ISSUER: issuer,
        OIDC_CONSOLE_REDIRECT_URIS: redirectUri,
        ...devTools.environment,
      }),
      module: (config) => IdentityModule.forApi(config),
      port,
      tokens: devTools.tokens,
    });
    organization = await startServiceUnderTest({
      configClass: OrganizationConfig,
      environment: serviceEnvironment(isolation, 'organization', { OIDC_ISSUER: issuer }),
      module: (config) => OrganizationModule.forApi(config),
    });

    const admin = principal([Roles.OrganizationAdmin]);
    const created = await identity.http.request<{ id: string }>('POST', '/users', {
      as: admin,
      body: { loginName: 'qian.admin', displayName: '钱管理员', initialPassword: 'Initial-pass-1' },
    });
    await identity.http.request('POST', `/users/${created.body.id}/role-assignments`, {
      as: admin,
      body: { role: Roles.OrganizationAdmin, scope: { districtCode: testDistrictCode } },
    });
    client = new OidcConsoleClient({ issuer, origin, clientId: 'jianfu-console', redirectUri });
    const browser = new BrowserSession();
    const { answer } = await client.signIn(browser, 'qian.admin', 'Initial-pass-1');
    const done = await browser.submit(
      new URL(formAction(answer.text), answer.url).href,
      { newPassword: 'Chosen-pass-4', confirmPassword: 'Chosen-pass-4' },
      origin,
    );
    const tokens = await client.exchange(client.codeFrom(done.url));
    expect(tokens.status).toBe(200);
    accessToken = tokens.body.access_token;
  });

  afterAll(async () => {
    await organization?.close();
    await identity?.close();
  });

  const call = (token: string) =>
    organization.http.request('GET', '/communities', { headers: { authorization: `Bearer ${token}` } });

  it('accepts the signed-in user’s token, with the roles and scope of their assignment', async () => {
    const created = await call(accessToken);
    expect(created.status).toBe(200);
  });

  it('refuses a token signed by an unknown key, an unsigned one, and one for another issuer', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const claims = { roles: [Roles.OrganizationAdmin], org_scope: { districtCode: testDistrictCode } };
    const forge = (kid: string | undefined, tokenIssuer: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', ...(kid ? { kid } : {}) })
        .setIssuer(tokenIssuer)
        .setAudience(audience)
        .setSubject('forger')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    const publishedKid = decodeProtectedHeader(accessToken).kid;
    expect((await call(await forge(publishedKid, issuer))).status).toBe(401);
    expect((await call(await forge('unknown-kid', issuer))).status).toBe(401);
    expect((await call(await forge(publishedKid, 'http://127.0.0.1:1/oidc'))).status).toBe(401);
    const [, payload] = accessToken.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    expect((await call(unsigned)).status).toBe(401);
    const tampered = accessToken.replace(/\.([^.]+)\./, (_, body: string) => {
      const decoded = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
      return `.${Buffer.from(JSON.stringify({ ...decoded, org_scope: { districtCode: '999999' } })).toString('base64url')}.`;
    });
    expect((await call(tampered)).status).toBe(401);
  });

  it('refuses the token at a service that expects another audience', async () => {
    const elsewhere = await startServiceUnderTest({
      configClass: OrganizationConfig,
      environment: serviceEnvironment(createTestIsolation('issuer-tokens-aud'), 'organization', {
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'urn:another:api',
      }),
      module: (config) => OrganizationModule.forApi(config),
    });
    try {
      const answer = await elsewhere.http.request('GET', '/communities', {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(answer.status).toBe(401);
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps verifying with the cached keys while the identity service is down', async () => {
    await identity.close();
    expect((await call(accessToken)).status).toBe(200);
  });
});
