import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { TransportError } from '@temporalio/worker';
import type { PlatformConfig } from '../src/config/platform-config.js';
import { connectNativeTemporal } from '../src/temporal/temporal-client.js';

// The platform library stands below the testing library, so this suite takes the server from the global setup's
// environment itself.
const [temporalHost, temporalPort] = process.env.JIANFU_TEST_TEMPORAL_ADDRESS!.split(':');

function configFor(address: string, connectTimeoutMs: number): PlatformConfig {
  return {
    TEMPORAL_ADDRESS: address,
    TEMPORAL_CONNECT_TIMEOUT_MS: connectTimeoutMs,
    TEMPORAL_TLS: 'false',
    LOG_LEVEL: 'warn',
  } as PlatformConfig;
}

async function listen(server: net.Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as net.AddressInfo).port;
}

/** A port nothing listens on (taken from the system, then let go). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  const port = await listen(probe, 0);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A TCP proxy to the test profile's Temporal, opened late: to the client, a server that came up after it. */
function temporalProxy(): { server: net.Server; close(): Promise<void> } {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(temporalPort), temporalHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    server,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a service’s connection to Temporal at boot', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('waits for a server that comes up within the connect timeout, then answers through it', async () => {
    const port = await freePort();
    // Nothing listens yet: the first attempts are refused, and the boot tries again.
    const connecting = connectNativeTemporal(configFor(`127.0.0.1:${port}`, 20_000));
    await sleep(700);
    const proxy = temporalProxy();
    cleanups.push(() => proxy.close());
    await listen(proxy.server, port);

    const connection = await connecting;
    cleanups.unshift(() => connection.close());
    const client = new Client({ connection });
    const info = await client.workflowService.getSystemInfo({});
    expect(info.serverVersion).toEqual(expect.any(String));
  });

  it('fails with the transport error once the connect timeout has passed', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(connectNativeTemporal(configFor(`127.0.0.1:${port}`, 1500))).rejects.toBeInstanceOf(TransportError);
    // Tried until the timeout, not given up at the first refusal.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });
});
