import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { loadConfig, PlatformConfig } from '../config/platform-config.js';
import { PlatformMetrics } from './platform-metrics.js';
import { serveWorkerMetrics } from './worker-metrics-server.js';

describe('the worker metrics server', () => {
  it('answers the probes without a token, and /metrics only with one', async () => {
    const config = loadConfig(PlatformConfig, {
      DATABASE_URL: 'postgres://u:p@db/jianfu',
      DATABASE_SCHEMA: 'finance',
      KAFKA_BROKERS: 'kafka:9092',
      TEMPORAL_ADDRESS: 'temporal:7233',
      OIDC_ISSUER: 'https://id.example/oidc',
      METRICS_PORT: String(await freePortOf()),
      METRICS_TOKEN: 'a-token-of-sixteen-chars',
    });
    const listening = await serveWorkerMetrics(new PlatformMetrics('finance', 'worker'), config);
    try {
      const base = `http://127.0.0.1:${(listening!.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    } finally {
      listening?.close();
    }
  });
});

async function freePortOf(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
