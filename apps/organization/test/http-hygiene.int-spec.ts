import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { requestFingerprint, Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  principal,
  type ServiceUnderTest,
  testDatabase,
  type TestIsolation,
} from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

function portOf(service: ServiceUnderTest<OrganizationConfig>): number {
  return ((service.app.getHttpServer() as net.Server).address() as net.AddressInfo).port;
}

/** Reads one HTTP/1.1 response with a Content-Length body; rejects if the connection ends first. */
function readResponse(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const done = (error?: Error) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
      if (error) reject(error);
      else resolve(received);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const headerEnd = received.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(received.slice(0, headerEnd))?.[1] ?? 0);
      if (received.length >= headerEnd + 4 + length) done();
    };
    const onEnd = () => done(new Error('connection closed before a response'));
    const onError = (error: Error) => done(error);
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.once('error', onError);
  });
}

/**
 * What a proxy with a longer idle timeout than the server does: send on a pooled connection, leave it idle,
 * and send on it again without knowing the server closed it meanwhile. Returns whether the second answered.
 */
async function reuseAfterIdle(port: number, idleMs: number): Promise<'answered' | 'reset'> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  const request = 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';
  try {
    const first = readResponse(socket);
    socket.write(request);
    expect(await first).toMatch(/^HTTP\/1\.1 200/);
    // Keep reading while idle, so a FIN from the server is seen as it would be by a pooling client.
    socket.resume();
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    // A pool that missed the FIN (or whose write crosses it) sends into a connection the server closed.
    if (socket.destroyed || socket.readableEnded) return 'reset';
    const second = readResponse(socket);
    socket.write(request);
    await Promise.race([
      second,
      new Promise((_resolve, reject) => setTimeout(() => reject(new Error('no answer')), 5000)),
    ]);
    return 'answered';
  } catch {
    return 'reset';
  } finally {
    socket.destroy();
  }
}

describe('HTTP hygiene of every service', () => {
  const isolation = createTestIsolation('http-hygiene');
  const admin = principal([Roles.OrganizationAdmin], {}, 'hygiene-admin');
  let service: ServiceUnderTest<OrganizationConfig>;

  beforeAll(async () => {
    service = await startOrganization(isolation);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('sends security headers on every answer', async () => {
    const response = await service.http.request('GET', '/health/live');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('challenges with WWW-Authenticate: Bearer on every 401', async () => {
    const missing = await service.http.request('GET', '/communities');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="jianfu"');
    const invalid = await service.http.request('GET', '/communities', { headers: { authorization: 'Bearer nope' } });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get('www-authenticate')).toMatch(/^Bearer realm="jianfu", error="invalid_token"/);
  });

  describe('Idempotency-Key', () => {
    function createStreet(body: object, key: string, as = admin) {
      return service.http.request<{ code?: string; streetCode?: string }>('POST', '/streets', {
        as,
        body,
        headers: { 'idempotency-key': key },
      });
    }

    async function streetsWithCode(code: string): Promise<number> {
      const { body } = await service.http.request<{ code: string }[] | { items: { code: string }[] }>(
        'GET',
        '/streets',
        {
          as: admin,
        },
      );
      const items = Array.isArray(body) ? body : body.items;
      return items.filter((street) => street.code === code).length;
    }

    it('replays the stored answer for the same key and body, without a second effect', async () => {
      const body = { code: 'IK-1', name: '幂等街道' };
      const first = await createStreet(body, 'street-ik-1');
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      // Without the key the second creation would be refused as a duplicate code (409).
      const again = await createStreet({ name: '幂等街道', code: 'IK-1' }, 'street-ik-1');
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await streetsWithCode('IK-1')).toBe(1);
    });

    it('refuses the same key with another body with 422', async () => {
      expect((await createStreet({ code: 'IK-2', name: '甲' }, 'street-ik-2')).status).toBe(201);
      const reused = await createStreet({ code: 'IK-3', name: '乙' }, 'street-ik-2');
      expect(reused.status).toBe(422);
      expect(reused.headers.get('content-type')).toContain('application/problem+json');
      expect(reused.body).toMatchObject({ code: 'idempotency.key-reused' });
      expect(await streetsWithCode('IK-3')).toBe(0);
    });

    it('keeps keys per caller', async () => {
      const other = principal([Roles.OrganizationAdmin], {}, 'hygiene-admin-2');
      expect((await createStreet({ code: 'IK-4', name: '丙' }, 'shared-key')).status).toBe(201);
      expect((await createStreet({ code: 'IK-5', name: '丁' }, 'shared-key', other)).status).toBe(201);
    });

    it('answers 409 while a request with the key is still running, and runs a burst once', async () => {
      // A request holding the key in another replica: its row is claimed and its lease still runs.
      const body = { code: 'IK-6', name: '并发街道' };
      const fingerprint = requestFingerprint({ method: 'POST', originalUrl: '/streets', body } as Request);
      const db = testDatabase(1);
      try {
        await db.query(
          `INSERT INTO ${isolation.schema('organization')}.idempotency_record
             (owner, idempotency_key, fingerprint, lease_token, locked_until, expires_at)
           VALUES ($1, 'held-key', $2, gen_random_uuid(), now() + interval '1 minute', now() + interval '1 day')`,
          [admin.userId, fingerprint],
        );
      } finally {
        await db.end();
      }
      const held = await createStreet(body, 'held-key');
      expect(held.status).toBe(409);
      expect(held.body).toMatchObject({ code: 'idempotency.in-progress' });
      expect(held.headers.get('retry-after')).toBe('1');

      const burst = await Promise.all(
        Array.from({ length: 6 }, () => createStreet({ code: 'IK-7', name: '并发街道' }, 'burst-key')),
      );
      const statuses = burst.map((response) => response.status);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      const answered = burst.filter((response) => response.status === 201);
      expect(answered.length).toBeGreaterThanOrEqual(1);
      for (const response of answered) expect(response.body).toEqual(answered[0].body);
      expect(await streetsWithCode('IK-7')).toBe(1);
    });

    it('frees the key of a failed request for a retry', async () => {
      const community = { code: 'IK-C', name: '重试社区', streetCode: 'IK-8' };
      const key = 'community-ik-c';
      const failed = await service.http.request('POST', '/communities', {
        as: admin,
        body: community,
        headers: { 'idempotency-key': key },
      });
      expect(failed.status).toBe(422);
      expect((await createStreet({ code: 'IK-8', name: '后建街道' }, 'street-ik-8')).status).toBe(201);
      const retried = await service.http.request('POST', '/communities', {
        as: admin,
        body: community,
        headers: { 'idempotency-key': key },
      });
      expect(retried.status).toBe(201);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
    });

    it('refuses a malformed key with 400 naming the header', async () => {
      const response = await createStreet({ code: 'IK-9', name: '戊' }, 'k'.repeat(201));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ errors: [expect.objectContaining({ field: 'Idempotency-Key' })] });
    });

    it('is declared once on every command in the OpenAPI document', async () => {
      const { body } = await service.http.request<{
        paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
      }>('GET', '/docs/openapi.json');
      const keyed = (path: string, method: string) =>
        (body.paths[path]?.[method]?.parameters ?? []).filter(
          (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key',
        );
      expect(keyed('/party-organisation-upgrade-requests/{requestId}/actions', 'post')).toEqual([
        expect.objectContaining({ name: 'Idempotency-Key' }),
      ]);
      expect(keyed('/streets', 'post')).toHaveLength(1);
      expect(keyed('/streets', 'get')).toHaveLength(0);
    });
  });
});

describe('kept-alive connections reused after an idle gap', () => {
  // Node closes an idle connection after keepAliveTimeout plus its 1 s buffer; the gap is just above that.
  const idleMs = 5000 + 1000 + 500;
  const connections = 8;
  let withNodeDefault: ServiceUnderTest<OrganizationConfig> | undefined;
  let withPlatformDefault: ServiceUnderTest<OrganizationConfig> | undefined;

  afterAll(async () => {
    await withNodeDefault?.close();
    await withPlatformDefault?.close();
  });

  it('are reset under Node’s 5 s keep-alive timeout and answered under the platform’s', async () => {
    const isolation: TestIsolation = createTestIsolation('keep-alive');
    withNodeDefault = await startOrganization(isolation, { HTTP_KEEP_ALIVE_TIMEOUT_MS: '5000' });
    withPlatformDefault = await startOrganization(isolation);
    const [before, after] = await Promise.all(
      [withNodeDefault, withPlatformDefault].map((service) =>
        Promise.all(Array.from({ length: connections }, () => reuseAfterIdle(portOf(service), idleMs))),
      ),
    );
    // The reproduction: every reused connection was closed by the server while idle.
    expect(before.filter((outcome) => outcome === 'reset')).toHaveLength(connections);
    expect(after.filter((outcome) => outcome === 'answered')).toHaveLength(connections);
  });
});

describe('command rate limit', () => {
  const isolation = createTestIsolation('rate-limit');
  let service: ServiceUnderTest<OrganizationConfig>;

  beforeAll(async () => {
    service = await startOrganization(isolation, { RATE_LIMIT_COMMANDS: '3', RATE_LIMIT_WINDOW_MS: '60000' });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers 429 problem+json with Retry-After past the budget, per caller, and never limits reads', async () => {
    const busy = principal([Roles.OrganizationAdmin], {}, 'busy-admin');
    const calm = principal([Roles.OrganizationAdmin], {}, 'calm-admin');
    for (const index of [1, 2, 3]) {
      const response = await service.http.request('POST', '/streets', {
        as: busy,
        body: { code: `RL-${index}`, name: '限流街道' },
      });
      expect(response.status).toBe(201);
    }
    const limited = await service.http.request('POST', '/streets', {
      as: busy,
      body: { code: 'RL-4', name: '限流街道' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, code: 'request.rate-limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    for (let read = 0; read < 10; read += 1) {
      expect((await service.http.request('GET', '/streets', { as: busy })).status).toBe(200);
    }
    expect(
      (await service.http.request('POST', '/streets', { as: calm, body: { code: 'RL-5', name: '另一位' } })).status,
    ).toBe(201);
  });
});
