import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, type ServiceUnderTest, testDatabase } from '@jianfu/testing';
import { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

/** What every service does at its HTTP edge: authenticate, authorise, validate, and answer problem+json. */
describe('HTTP edge of a service', () => {
  const isolation = createTestIsolation('http-edges');
  const admin = principal([Roles.OrganizationAdmin]);
  let service: ServiceUnderTest<OrganizationConfig>;

  beforeAll(async () => {
    service = await startOrganization(isolation, { HTTP_BODY_LIMIT_BYTES: '2048' });
  });

  afterAll(async () => {
    await service?.close();
  });

  function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  }

  it('answers health without a token and reports every dependency', async () => {
    const response = await service.http.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, kafka: { status: 'up' }, temporal: { status: 'up' } },
    });
  });

  it('publishes an OpenAPI document listing the routes with bearer auth', async () => {
    const response = await service.http.request<{
      paths: Record<string, unknown>;
      components: { securitySchemes: object };
    }>('GET', '/docs/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/communities',
        '/streets',
        '/health',
        '/party-organisation-upgrade-requests/{requestId}/actions',
      ]),
    );
    expect(response.body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('refuses a request without a token, with a forged token, and with the wrong role', async () => {
    expectProblem(await service.http.request('POST', '/streets', { body: { code: 'X', name: 'x' } }), 401);
    // Forged: signed by a key the issuer never published, unsigned (`alg: none`), signed as another issuer, and
    // HS256 with a guessable secret. Each is the same 401.
    const genuine = await service.http.token(admin);
    const { privateKey } = await generateKeyPair('RS256');
    const signWith = (key: Parameters<SignJWT['sign']>[0], alg: string, issuer: string, kid?: string) =>
      new SignJWT({ roles: admin.roles, org_scope: admin.scope })
        .setProtectedHeader({ alg, typ: 'at+jwt', ...(kid ? { kid } : {}) })
        .setIssuer(issuer)
        .setAudience(service.config.OIDC_AUDIENCE)
        .setSubject(admin.userId)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    const issuer = service.config.OIDC_ISSUER;
    const [, genuinePayload] = genuine.split('.');
    const forgeries = [
      await signWith(privateKey, 'RS256', issuer, decodeProtectedHeader(genuine).kid),
      await signWith(privateKey, 'RS256', issuer),
      await signWith(privateKey, 'RS256', 'http://127.0.0.1:1/oidc'),
      await signWith(new TextEncoder().encode('another-secret-that-is-long-enough-to-sign'), 'HS256', issuer),
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${genuinePayload}.`,
    ];
    for (const forged of forgeries) {
      expectProblem(
        await service.http.request('POST', '/streets', {
          body: { code: 'X', name: 'x' },
          headers: { authorization: `Bearer ${forged}` },
        }),
        401,
      );
    }
    const secretary = principal([Roles.CommunitySecretary]);
    expectProblem(
      await service.http.request('POST', '/streets', { as: secretary, body: { code: 'X', name: 'x' } }),
      403,
    );
  });

  it('names unknown fields and wrong types in a 400', async () => {
    const response = await service.http.request<{ errors: { field: string; rule: string }[] }>('POST', '/streets', {
      as: admin,
      body: { code: 42, name: '鼓东街道', colour: 'red' },
    });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'colour', rule: 'unknown-field' }),
        expect.objectContaining({ field: 'code' }),
      ]),
    );
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    expectProblem(await service.http.request('POST', '/streets', { as: admin, rawBody: '{"code": "S-1",' }), 400);
    expectProblem(
      await service.http.request('POST', '/streets', { as: admin, body: { code: 'S-2', name: '长'.repeat(4000) } }),
      413,
    );
  });

  it('refuses a duplicate code with 409 and a community under a missing street with 422', async () => {
    expect(
      (await service.http.request('POST', '/streets', { as: admin, body: { code: 'S-9', name: '东街街道' } })).status,
    ).toBe(201);
    const duplicate = await service.http.request('POST', '/streets', {
      as: admin,
      body: { code: 'S-9', name: '重复' },
    });
    expectProblem(duplicate, 409);
    expect(duplicate.body).toMatchObject({ code: 'street.code-taken' });
    const orphan = await service.http.request('POST', '/communities', {
      as: admin,
      body: { code: 'C-9', name: '无主社区', streetCode: 'NOPE' },
    });
    expectProblem(orphan, 422);
    expect(orphan.body).toMatchObject({ code: 'street.not-found' });
  });

  it('hides a community outside the caller’s scope', async () => {
    await service.http.request('POST', '/streets', { as: admin, body: { code: 'S-10', name: '南街街道' } });
    const { body } = await service.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'C-10', name: '南街社区', streetCode: 'S-10' },
    });
    const ownSecretary = principal([Roles.CommunitySecretary], { communityIds: [body.communityId] });
    const otherSecretary = principal([Roles.CommunitySecretary], {
      communityIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect((await service.http.request('GET', `/communities/${body.communityId}`, { as: ownSecretary })).status).toBe(
      200,
    );
    expectProblem(await service.http.request('GET', `/communities/${body.communityId}`, { as: otherSecretary }), 404);
    expectProblem(await service.http.request('GET', '/communities/not-a-uuid', { as: ownSecretary }), 400);
  });

  // Lists are read as prepared statements. A release migrating the schema while this process still runs can change
  // the type of a column a prepared statement returns, which Postgres refuses for that statement from then on.
  it('keeps answering a list after a migration changes the type of a column it returns', async () => {
    const db = testDatabase(1);
    try {
      await service.http.request('POST', '/streets', { as: admin, body: { code: 'S-11', name: '北街街道' } });
      await service.http.request('POST', '/communities', {
        as: admin,
        body: { code: 'C-11', name: '北街社区', streetCode: 'S-11' },
      });
      const list = () =>
        service.http.request<{ items: { code: string; name: string }[] }>('GET', '/communities?streetCode=S-11', {
          as: admin,
        });
      // Sequential reads reuse the pool's last released connection, which has the statement prepared by now.
      for (let i = 0; i < 3; i++) expect((await list()).status).toBe(200);
      await db.query(`ALTER TABLE ${isolation.schema('organization')}.community ALTER COLUMN name TYPE varchar(200)`);
      for (let i = 0; i < 3; i++) {
        const after = await list();
        expect(after.status).toBe(200);
        expect(after.body.items).toEqual([expect.objectContaining({ code: 'C-11', name: '北街社区' })]);
      }
    } finally {
      await db.query(`ALTER TABLE ${isolation.schema('organization')}.community ALTER COLUMN name TYPE text`);
      await db.end();
    }
  });
});

/** The outbox holds events while Kafka is unreachable, and the relay sends them once it is back. */
describe('outbox while Kafka is away', () => {
  const isolation = createTestIsolation('outbox-kafka-away');
  const admin = principal([Roles.OrganizationAdmin]);

  it('keeps the rows of changes made without Kafka and publishes them when it returns', async () => {
    // A broker address where nothing listens stands for Kafka being down; the schema is the same.
    const withoutKafka = await startOrganization(isolation, { KAFKA_BROKERS: '127.0.0.1:1' });
    const db = testDatabase(1);
    const unpublished = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${isolation.schema('organization')}.outbox_message WHERE published_at IS NULL`,
        )
      ).rows[0].n;
    try {
      expect(
        (await withoutKafka.http.request('POST', '/streets', { as: admin, body: { code: 'S-K', name: '街道' } }))
          .status,
      ).toBe(201);
      const created = await withoutKafka.http.request('POST', '/communities', {
        as: admin,
        body: { code: 'C-K', name: '社区', streetCode: 'S-K' },
      });
      expect(created.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await unpublished()).toBe(1);
    } finally {
      await withoutKafka.close();
    }

    const withKafka = await startOrganization(isolation);
    try {
      // Generous: the relay first reconnects its producer, which can take a while on a loaded machine.
      await eventually(async () => expect(await unpublished()).toBe(0), 60_000);
    } finally {
      await withKafka.close();
      await db.end();
    }
  });
});
