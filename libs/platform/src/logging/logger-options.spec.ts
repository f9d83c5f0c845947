import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Controller, Get, type INestApplication, Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, LoggerModule } from 'nestjs-pino';
import { installRequestContextAndLog } from '../http/fastify-http.js';
import { loggerOptions } from './logger-options.js';

@Controller()
class ProbeController {
  private readonly logger = new NestLogger(ProbeController.name);

  @Get('streets')
  streets() {
    this.logger.log('listing streets');
    return { items: [] };
  }

  @Get('broken')
  broken() {
    throw new Error('probe failure');
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
    const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    apps.push(app);
    installRequestContextAndLog(app.getHttpAdapter().getInstance());
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const answered = await fetch(`http://127.0.0.1:${port}/streets?limit=1`, {
      headers: { 'x-correlation-id': 'corr-1' },
    });
    await fetch(`http://127.0.0.1:${port}/health`);
    const failed = await fetch(`http://127.0.0.1:${port}/broken`);
    // A line is written when a response has finished on the server, which can be after the client has it; closing
    // waits for every response.
    await apps.pop()?.close();

    const requestId = answered.headers.get('x-request-id');
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual([
      expect.objectContaining({
        level: 30,
        service: 'probe',
        reqId: requestId,
        correlationId: 'corr-1',
        req: { id: requestId, method: 'GET', url: '/streets?limit=1', remoteAddress: '127.0.0.1' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    // A line the handler logs carries the request's ids, and nothing of the request besides.
    expect(lines.find((line) => line.msg === 'listing streets')).toEqual(
      expect.objectContaining({ reqId: requestId, correlationId: 'corr-1', context: ProbeController.name }),
    );
    expect(lines.find((line) => line.msg === 'listing streets')).not.toHaveProperty('req');
    // A 5xx is logged at level error, with its own request id.
    expect(lines.filter((line) => line.msg === 'request errored')).toEqual([
      expect.objectContaining({
        level: 50,
        reqId: failed.headers.get('x-request-id'),
        req: expect.objectContaining({ url: '/broken' }),
        res: { statusCode: 500 },
      }),
    ]);
  });
});
