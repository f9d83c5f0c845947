import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { LoggerModule } from 'nestjs-pino';
import { requestContextMiddleware } from '../http/request-context.middleware.js';
import { loggerOptions } from './logger-options.js';

@Controller()
class ProbeController {
  @Get('streets')
  streets() {
    return { items: [] };
  }

  @Get('health')
  health() {
    return { status: 'ok' };
  }
}

describe('request logs', () => {
  const apps: INestApplication[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  // Fastify alone: nestjs-pino keeps one root logger per process (a service has one application), and Express's
  // options are the same without the route.
  it('logs every request but /health once, by its path, on Fastify', async () => {
    const framework = 'fastify';
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    @Module({
      imports: [LoggerModule.forRoot(loggerOptions('probe', 'info', framework, destination))],
      controllers: [ProbeController],
    })
    class ProbeModule {}
    const app = await NestFactory.create(ProbeModule, new FastifyAdapter(), { logger: false });
    apps.push(app);
    app.use(requestContextMiddleware);
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const answered = await fetch(`http://127.0.0.1:${port}/streets?limit=1`, {
      headers: { 'x-correlation-id': 'corr-1' },
    });
    await fetch(`http://127.0.0.1:${port}/health`);
    // A line is written when a response has finished on the server, which can be after the client has it; closing
    // waits for every response.
    await apps.pop()?.close();

    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual([
      expect.objectContaining({
        service: 'probe',
        reqId: answered.headers.get('x-request-id'),
        correlationId: 'corr-1',
        req: expect.objectContaining({ method: 'GET', url: '/streets?limit=1' }),
        res: { statusCode: 200 },
      }),
    ]);
  });
});
