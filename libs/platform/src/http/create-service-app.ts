import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { findRoutesWithoutAccessRules } from '../auth/route-table.js';
import type { PlatformConfig } from '../config/platform-config.js';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key.js';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { PlatformMetrics } from '../metrics/platform-metrics.js';
import { configureFastify } from './fastify-http.js';
import { bodyDepthLimit, InputSafetyPipe } from './input-safety.js';
import { sendProblem, toProblem } from './problem-details.filter.js';
import { completeOpenApiDocument } from './openapi/complete-openapi-document.js';
import { requestContextMiddleware } from './request-context.middleware.js';
import { createValidationPipe } from './validation.js';

export interface ServiceAppOptions {
  title: string;
  description: string;
  config: PlatformConfig;
}

const unsafeMethods = ['post', 'put', 'patch', 'delete'];

type OpenApiDocument = ReturnType<typeof SwaggerModule.createDocument>;

/**
 * The Idempotency-Key is handled by one global interceptor, so the document declares it once on every
 * command, replacing any per-route declaration (which swagger listed twice, as `Idempotency-Key` and as
 * the `idempotency-key` of `@Headers`).
 */
function declareIdempotencyKey(document: OpenApiDocument): void {
  for (const item of Object.values(document.paths)) {
    for (const method of unsafeMethods) {
      const operation = (item as Record<string, { parameters?: { name: string; in: string }[] } | undefined>)[method];
      if (!operation) continue;
      const isKey = (parameter: { name: string; in: string }) =>
        parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key';
      const declared = (operation.parameters ?? []).filter(isKey) as { required?: boolean; description?: string }[];
      // A route whose own rule requires a key (money moves) keeps it required and its own wording.
      const own = declared.find((parameter) => parameter.required === true);
      operation.parameters = [
        ...(operation.parameters ?? []).filter((parameter) => !isKey(parameter)),
        {
          name: IDEMPOTENCY_KEY_HEADER,
          in: 'header',
          required: own !== undefined,
          description:
            own?.description ??
            'Repeating a command with the same key and the same body replays the first answer ' +
              '(Idempotent-Replayed: true); the same key with another body is refused with 422, ' +
              'and while the first is still running with 409. Keys are kept 24 hours per caller.',
          schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7E]+$' },
        } as { name: string; in: string },
      ];
    }
  }
}

/**
 * Creates a service's HTTP application the same way everywhere: request context first, security headers,
 * a JSON body parser with size and depth limits whose errors become problem+json, the input-safety and
 * validation pipes, keep-alive timeouts above a proxy's, OpenAPI at /docs. On Fastify (`HTTP_FRAMEWORK`, the
 * default; docs/decisions/0011) or Express, with the same behaviour on both.
 */
export async function createServiceApp(
  module: Parameters<typeof NestFactory.create>[0],
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const { config } = options;
  const app = config.HTTP_FRAMEWORK === 'express' ? await createExpressApp(module) : await createFastifyApp(module);
  app.useLogger(app.get(Logger));
  const unguarded = findRoutesWithoutAccessRules(app);
  if (unguarded.length > 0) {
    await app.close();
    throw new Error(`Routes without @AllowRoles or @Public: ${unguarded.join(', ')}`);
  }
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = Math.max(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000);

  if (config.HTTP_FRAMEWORK === 'express') {
    app.use(httpMetricsMiddleware(app.get(PlatformMetrics)));
    app.use(requestContextMiddleware);
    app.use(helmet());
    app.use(express.json({ limit: config.HTTP_BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }));
    app.use(bodyDepthLimit(config.HTTP_BODY_MAX_DEPTH));
    // Body-parser failures (malformed JSON, too large, too deep) happen before routing; answer them as problems.
    app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
      if (response.headersSent) return next(error);
      sendProblem(response, toProblem(error, request.originalUrl), request, config.RETRY_AFTER_SECONDS);
    });
  } else {
    const fastify = app as NestFastifyApplication;
    // The request context, the request log line and the security headers are Fastify hooks (`configureFastify`),
    // not middleware.
    configureFastify(fastify.getHttpAdapter().getInstance(), config, app.get(PlatformMetrics));
  }
  // Input safety first: it sees the raw values before any DTO transformation or parse pipe.
  app.useGlobalPipes(
    new InputSafetyPipe({ maxOffset: config.PAGING_MAX_OFFSET, maxLimit: config.PAGING_MAX_LIMIT }),
    createValidationPipe(),
  );
  app.enableShutdownHooks();

  const document = completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(options.title)
        .setDescription(options.description)
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  declareIdempotencyKey(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

function createExpressApp(module: Parameters<typeof NestFactory.create>[0]): Promise<INestApplication> {
  return NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    bufferLogs: true,
    // Throw instead of exiting the process, so the caller (main.ts or a test) decides what a failed boot means.
    abortOnError: false,
  });
}

function createFastifyApp(module: Parameters<typeof NestFactory.create>[0]): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    // As Express routed: `/streets/` is `/streets`, and a long path parameter reaches the pipes that refuse it.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  });
  return NestFactory.create<NestFastifyApplication>(module, adapter, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
}

/**
 * Starts answering on PORT. With HTTP_REUSE_PORT, several processes of one service bind the same port and the
 * kernel balances new connections over them; a killed one's share goes to the others with no balancer to update.
 */
export async function listenForRequests(app: INestApplication, config: PlatformConfig): Promise<void> {
  if (app.getHttpAdapter().getType() === 'fastify') {
    // Fastify listens on localhost unless told otherwise; every address, as node's server does, and its options
    // go on to node's server.listen.
    await app.listen({
      port: config.PORT,
      host: '::',
      reusePort: config.HTTP_REUSE_PORT === 'true',
    } as unknown as number);
    return;
  }
  if (config.HTTP_REUSE_PORT === 'true') {
    // Nest passes its first argument on to node's server.listen, which takes the options form as well.
    await app.listen({ port: config.PORT, reusePort: true } as unknown as number);
    return;
  }
  await app.listen(config.PORT);
}
