import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { findRoutesWithoutAccessRules } from '../auth/route-table.js';
import type { PlatformConfig } from '../config/platform-config.js';
import { sendProblem, toProblem } from './problem-details.filter.js';
import { completeOpenApiDocument } from './openapi/complete-openapi-document.js';
import { requestContextMiddleware } from './request-context.middleware.js';
import { createValidationPipe } from './validation.js';

export interface ServiceAppOptions {
  title: string;
  description: string;
  config: PlatformConfig;
}

/**
 * Creates a service's HTTP application the same way everywhere: request context first, a JSON body
 * parser with a size limit whose errors become problem+json, the validation pipe, OpenAPI at /docs.
 */
export async function createServiceApp(
  module: Parameters<typeof NestFactory.create>[0],
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    bufferLogs: true,
    // Throw instead of exiting the process, so the caller (main.ts or a test) decides what a failed boot means.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  const unguarded = findRoutesWithoutAccessRules(app);
  if (unguarded.length > 0) {
    await app.close();
    throw new Error(`Routes without @AllowRoles or @Public: ${unguarded.join(', ')}`);
  }
  app.use(requestContextMiddleware);
  app.use(
    express.json({ limit: options.config.HTTP_BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }),
  );
  // Body-parser failures (malformed JSON, too large) happen before routing; answer them as problems.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    sendProblem(response, toProblem(error, request.originalUrl));
  });
  app.useGlobalPipes(createValidationPipe());
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
