import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ConfigValidationError, devTokenGrantType, loadConfig, requestDevToken, Roles } from '@jianfu/platform';
import { createTestIsolation, principal, serviceEnvironment, testDistrictCode } from '@jianfu/testing';
import { IdentityConfig } from '../src/config.js';
import { consoleClientId, type IdentityUnderTest, startIdentity } from './identity-under-test.js';

const audience = 'urn:jianfu:api';
const admin = principal([Roles.OrganizationAdmin]);

/** Scripts and tests get tokens from the identity service through its dev-tools client, never by holding a key. */
describe('identity: dev tokens for scripts and tests', () => {
  let identity: IdentityUnderTest;

  beforeAll(async () => {
    identity = await startIdentity(createTestIsolation('identity-dev-tokens'));
  });

  afterAll(async () => {
    await identity?.close();
  });

  const grant = (fields: Record<string, string>, authorization?: string) =>
    fetch(`${identity.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(authorization ? { authorization } : {}),
      },
      body: new URLSearchParams({ grant_type: devTokenGrantType, ...fields }),
    });
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  it('issues the stated principal’s token, signed with the issuer’s key, and logs it', async () => {
    const clerk = principal([Roles.DepartmentSubmitter], { departmentId: 'dept-1' }, 'clerk-7');
    const { accessToken, expiresIn } = await requestDevToken(identity.devTools, clerk, 600);
    expect(expiresIn).toBe(600);
    const keys = createRemoteJWKSet(new URL(`${identity.issuer}/jwks`), { timeoutDuration: 30_000 });
    const { payload, protectedHeader } = await jwtVerify(accessToken, keys, { issuer: identity.issuer, audience });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      sub: 'clerk-7',
      client_id: 'jianfu-dev-tools',
      roles: [Roles.DepartmentSubmitter],
      org_scope: { districtCode: testDistrictCode, departmentId: 'dept-1' },
    });
    // The provider reads the clock twice (for exp, then iat): a second may tick in between.
    expect(payload.exp! - payload.iat!).toBeGreaterThanOrEqual(599);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(600);

    const log = await identity.http.request<{ items: { actorId: string; detail: Record<string, unknown> }[] }>(
      'GET',
      '/audit-entries?action=dev-token.issued',
      { as: admin },
    );
    expect(log.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorId: 'jianfu-dev-tools',
          detail: expect.objectContaining({ sub: 'clerk-7', roles: [Roles.DepartmentSubmitter] }),
        }),
      ]),
    );
  });

  it('refuses a wrong client secret, the console client, and no client at all', async () => {
    const fields = { sub: 'u', roles: Roles.HrOfficer, org_scope: JSON.stringify({ districtCode: testDistrictCode }) };
    const wrongSecret = await grant(fields, basic('jianfu-dev-tools', 'x'.repeat(64)));
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
    const console = await grant({ ...fields, client_id: consoleClientId });
    expect(console.status).toBe(400);
    expect(await console.json()).toMatchObject({
      error: 'invalid_request',
      error_description: 'requested grant type is not allowed for this client',
    });
    expect((await grant(fields)).status).toBe(400);
  });

  it('answers a malformed principal with a 400 naming the parameter', async () => {
    const secret = basic(identity.devTools.clientId, identity.devTools.clientSecret);
    const scope = JSON.stringify({ districtCode: testDistrictCode });
    const cases: [Record<string, string>, string][] = [
      [{ roles: Roles.HrOfficer, org_scope: scope }, 'sub'],
      [{ sub: 'u', roles: 'emperor', org_scope: scope }, 'roles'],
      [{ sub: 'u', roles: Roles.HrOfficer, org_scope: '{"streetCodes":["s"]}' }, 'org_scope.districtCode'],
      [{ sub: 'u', roles: Roles.HrOfficer, org_scope: 'not json' }, 'org_scope'],
      [{ sub: 'u', roles: Roles.HrOfficer, org_scope: scope, lifetime: String(30 * 24 * 3600) }, 'lifetime'],
    ];
    for (const [fields, parameter] of cases) {
      const answer = await grant(fields, secret);
      const body = (await answer.json()) as { error: string; error_description: string };
      expect({ status: answer.status, error: body.error, names: body.error_description.startsWith(parameter) }).toEqual(
        { status: 400, error: 'invalid_request', names: true },
      );
    }
  });

  it('has no dev-tools client unless enabled', async () => {
    const plain = await startIdentity(createTestIsolation('identity-no-dev-tokens'), {
      IDENTITY_DEV_TOKENS: 'disabled',
    });
    try {
      await expect(requestDevToken(plain.devTools, admin, 600)).rejects.toThrow(/invalid_client/);
    } finally {
      await plain.close();
    }
  });

  it('refuses to start with dev tokens in production, or without a secret', () => {
    const environment = serviceEnvironment(createTestIsolation('identity-dev-config'), 'identity', {
      IDENTITY_DEV_TOKENS: 'enabled',
    });
    const problems = (extra: Record<string, string>) => {
      try {
        loadConfig(IdentityConfig, { ...environment, ...extra });
        return [];
      } catch (error) {
        return (error as ConfigValidationError).problems.map((problem) => problem.variable);
      }
    };
    expect(problems({})).toEqual(['IDENTITY_DEV_TOOLS_CLIENT_SECRET']);
    expect(problems({ IDENTITY_DEV_TOOLS_CLIENT_SECRET: 's'.repeat(32), NODE_ENV: 'production' })).toEqual([
      'NODE_ENV',
    ]);
    expect(problems({ IDENTITY_DEV_TOOLS_CLIENT_SECRET: 's'.repeat(32), NODE_ENV: 'development' })).toEqual([]);
    expect(problems({ IDENTITY_DEV_TOKENS: 'disabled', NODE_ENV: 'production' })).toEqual([]);
  });
});
