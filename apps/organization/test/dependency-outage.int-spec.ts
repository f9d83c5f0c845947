import net from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  currentInfrastructure,
  eventually,
  type HttpResult,
  principal,
  type ServiceUnderTest,
  testDatabase,
} from '@jianfu/testing';
import type { OrganizationConfig } from '../src/config.js';
import { startOrganization } from './organization-under-test.js';

/**
 * A TCP proxy in front of the shared Postgres that the test can cut and restore: for the service it is
 * exactly a database that went away (refused connections, dropped sessions) and came back on the same address.
 */
class CuttablePostgresProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Drops every session and refuses new connections. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

function expectUnavailable(response: HttpResult<{ status: number; code?: string }>) {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.body).toMatchObject({ status: 503 });
}

describe('while Postgres is unreachable', () => {
  const isolation = createTestIsolation('postgres-outage');
  const admin = principal([Roles.OrganizationAdmin]);
  const url = new URL(currentInfrastructure().databaseUrl);
  const proxy = new CuttablePostgresProxy({ host: url.hostname, port: Number(url.port || 5432) });
  let service: ServiceUnderTest<OrganizationConfig> | undefined;

  afterAll(async () => {
    await service?.close();
    await proxy.cut();
  });

  it('answers 503 with Retry-After instead of 500, stays live, and recovers when Postgres is back', async () => {
    await proxy.open();
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    service = await startOrganization(isolation, { DATABASE_URL: proxied.toString() });
    const api = service;
    expect(
      (await api.http.request('POST', '/streets', { as: admin, body: { code: 'PO-1', name: '断线街道' } })).status,
    ).toBe(201);
    expect((await api.http.request('GET', '/communities', { as: admin })).status).toBe(200);

    await proxy.cut();
    const read = await api.http.request<{ status: number; code?: string }>('GET', '/communities', { as: admin });
    expectUnavailable(read);
    expect(read.body.code).toBe('dependency.unavailable');
    expectUnavailable(
      await api.http.request('POST', '/streets', { as: admin, body: { code: 'PO-2', name: '断线时新建' } }),
    );
    // The process itself is fine: an orchestrator must not restart it, only hold traffic.
    expect((await api.http.request('GET', '/health/live')).status).toBe(200);
    const ready = await api.http.request<{ status: number; code: string; checks: Record<string, { status: string }> }>(
      'GET',
      '/health/ready',
    );
    expectUnavailable(ready);
    expect(ready.body.code).toBe('health.not-ready');
    expect(ready.body.checks.postgres?.status).toBe('down');

    await proxy.open();
    await eventually(async () =>
      expect((await api.http.request('GET', '/communities', { as: admin })).status).toBe(200),
    );
    expect(
      (await api.http.request('POST', '/streets', { as: admin, body: { code: 'PO-3', name: '恢复后新建' } })).status,
    ).toBe(201);
    await eventually(async () => expect((await api.http.request('GET', '/health/ready')).status).toBe(200));
  });
});

describe('while Kafka is unreachable', () => {
  const isolation = createTestIsolation('kafka-unready');
  const admin = principal([Roles.OrganizationAdmin]);
  let service: ServiceUnderTest<OrganizationConfig> | undefined;

  afterAll(async () => {
    await service?.close();
  });

  it('is live but not ready, and still takes commands into its outbox', async () => {
    // A broker address where nothing listens stands for Kafka being down.
    service = await startOrganization(isolation, { KAFKA_BROKERS: '127.0.0.1:1' });
    const live = await service.http.request('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });

    const ready = await service.http.request<{
      status: number;
      code: string;
      checks: Record<string, { status: string }>;
    }>('GET', '/health/ready');
    expectUnavailable(ready);
    expect(ready.body.checks).toMatchObject({ kafka: { status: 'down' }, postgres: { status: 'up' } });
    // The old name answers as readiness does.
    expect((await service.http.request('GET', '/health')).status).toBe(503);

    expect(
      (await service.http.request('POST', '/streets', { as: admin, body: { code: 'KU-1', name: '无消息街道' } }))
        .status,
    ).toBe(201);
  });
});

describe('the outbox relay, woken by commits', () => {
  const isolation = createTestIsolation('outbox-wake');
  const admin = principal([Roles.OrganizationAdmin]);
  const url = new URL(currentInfrastructure().databaseUrl);
  const proxy = new CuttablePostgresProxy({ host: url.hostname, port: Number(url.port || 5432) });
  // The test looks at the outbox past the proxy.
  const db = testDatabase();
  let service: ServiceUnderTest<OrganizationConfig> | undefined;

  afterAll(async () => {
    await service?.close();
    await proxy.cut();
    await db.end();
  });

  it('sends an event as its transaction commits, also after the LISTEN connection was lost and came back', async () => {
    await proxy.open();
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    // A poll every ten minutes: within this test only the commits' notifications can wake the relay.
    service = await startOrganization(isolation, { DATABASE_URL: proxied.toString(), OUTBOX_POLL_MS: '600000' });
    const api = service;
    const published = async (communityId: string) =>
      (
        await db.query<{ published: boolean }>(
          `SELECT published_at IS NOT NULL AS published FROM ${isolation.schema('organization')}.outbox_message
            WHERE event_type = 'organization.community.created' AND message_key = $1`,
          [communityId],
        )
      ).rows[0]?.published;
    const createCommunity = async (code: string) => {
      const created = await api.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code, name: `${code}社区`, streetCode: 'OW-S' },
      });
      expect(created.status).toBe(201);
      return created.body.communityId;
    };
    expect(
      (await api.http.request('POST', '/streets', { as: admin, body: { code: 'OW-S', name: '唤醒街道' } })).status,
    ).toBe(201);

    const first = await createCommunity('OW-1');
    await eventually(async () => expect(await published(first)).toBe(true));

    // Every session dropped, the listening one too; once Postgres is back, the relay is woken by commits again.
    await proxy.cut();
    await proxy.open();
    await eventually(async () => expect((await api.http.request('GET', '/health/ready')).status).toBe(200));
    const second = await createCommunity('OW-2');
    await eventually(async () => expect(await published(second)).toBe(true));
  });
});
