import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import {
  completeOpenApiDocument,
  createValidationPipe,
  httpMetricsMiddleware,
  InputSafetyPipe,
  PlatformMetrics,
  requestContextMiddleware,
} from '@jianfu/platform';
import type { GatewayConfig } from './config.js';
import { consoleFiles } from './console/console-files.js';

/**
 * The Content Security Policy of the console (a Vite build): scripts and everything else from this origin only;
 * inline styles allowed because Ant Design writes its CSS-in-JS at run time; images and fonts also from data: and
 * blob: URLs (previews of uploads). The page talks only to this origin (the gateway forwards the rest) and may not
 * be framed.
 */
export function consoleContentSecurityPolicy() {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      workerSrc: ["'self'", 'blob:'],
      manifestSrc: ["'self'"],
    },
  };
}

/**
 * Creates the gateway's HTTP application. Unlike a service's, it parses no bodies (forwarded uploads stream through
 * untouched; its own commands take none), and it serves the console's files before its routes.
 */
export async function createGatewayApp(module: DynamicModule, config: GatewayConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  const server = app.getHttpServer();
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = Math.max(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000);
  // Behind a proxy the client's address and protocol come from X-Forwarded-*; only the nearest proxy is trusted.
  app.set('trust proxy', 1);
  app.use(httpMetricsMiddleware(app.get(PlatformMetrics)));
  app.use(requestContextMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: consoleContentSecurityPolicy(),
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use(consoleFiles(config.CONSOLE_DIST));
  app.useGlobalPipes(
    new InputSafetyPipe({ maxOffset: config.PAGING_MAX_OFFSET, maxLimit: config.PAGING_MAX_LIMIT }),
    createValidationPipe(),
  );
  app.enableShutdownHooks();
  const document = completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('jianfu gateway')
        .setDescription(
          'The console’s backend: sign-in (/auth), forwarding (/api/<service>/…, as each service documents it), ' +
            'the workbench inbox and notifications. Session cookie jianfu_session; unsafe methods need x-csrf-token.',
        )
        .setVersion('1')
        .addCookieAuth('jianfu_session')
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
