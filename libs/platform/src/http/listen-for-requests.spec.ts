import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { PlatformConfig } from '../config/platform-config.js';
import { listenForRequests } from './create-service-app.js';

@Module({})
class EmptyModule {}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('listenForRequests', () => {
  const apps: INestApplication[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  async function start(
    config: Pick<PlatformConfig, 'PORT' | 'HTTP_REUSE_PORT'>,
    framework: 'express' | 'fastify' = 'express',
  ): Promise<void> {
    const app =
      framework === 'fastify'
        ? await NestFactory.create(EmptyModule, new FastifyAdapter(), { logger: false })
        : await NestFactory.create(EmptyModule, { logger: false });
    apps.push(app);
    await listenForRequests(app, config as PlatformConfig);
  }

  it('lets the replicas of a service share one port when HTTP_REUSE_PORT is on', async () => {
    const port = await freePort();
    await start({ PORT: port, HTTP_REUSE_PORT: 'true' });
    await start({ PORT: port, HTTP_REUSE_PORT: 'true' });
    expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);
  });

  it('does the same on Fastify, listening on every address as Express does', async () => {
    const port = await freePort();
    await start({ PORT: port, HTTP_REUSE_PORT: 'true' }, 'fastify');
    await start({ PORT: port, HTTP_REUSE_PORT: 'true' }, 'fastify');
    expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);
    expect((await fetch(`http://[::1]:${port}/nothing`)).status).toBe(404);
    await expect(start({ PORT: port, HTTP_REUSE_PORT: 'false' }, 'fastify')).rejects.toThrow(/EADDRINUSE/);
  });

  it('refuses a port that is taken when it is off', async () => {
    const port = await freePort();
    await start({ PORT: port, HTTP_REUSE_PORT: 'false' });
    await expect(start({ PORT: port, HTTP_REUSE_PORT: 'false' })).rejects.toThrow(/EADDRINUSE/);
  });
});
