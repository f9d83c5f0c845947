import { createServer, type Server } from 'node:http';
import type { PlatformConfig } from '../config/platform-config.js';
import { metricsTokenAccepted } from './metrics.controller.js';
import type { PlatformMetrics } from './platform-metrics.js';

/**
 * A worker process has no HTTP server of its own; this one answers Prometheus on `METRICS_PORT`, and the
 * orchestrator's probes (`/health/live`, `/health/ready`: it listens only once the worker is created, connected
 * to Temporal and its database migrated). Returns undefined when the port is 0 (no listener).
 */
export async function serveWorkerMetrics(
  metrics: PlatformMetrics,
  config: PlatformConfig,
): Promise<Server | undefined> {
  if (config.METRICS_PORT === 0) return undefined;
  const server = createServer((request, response) => {
    const path = request.url?.split('?')[0];
    if (request.method === 'GET' && (path === '/health/live' || path === '/health/ready')) {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    if (!metricsTokenAccepted(config, request.headers.authorization)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    metrics.registry.metrics().then(
      (body) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.METRICS_PORT, () => resolve());
  });
  return server;
}
