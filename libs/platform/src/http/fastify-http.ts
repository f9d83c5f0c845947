import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { PinoLogger } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform-config.js';
import { isUnloggedPath } from '../logging/logger-options.js';
import { RequestContext, type RequestContextValue } from '../context/request-context.js';
import type { PlatformMetrics } from '../metrics/platform-metrics.js';
import { jsonDepthExceeds } from './input-safety.js';
import { REQUEST_CONTEXT, requestContextFrom } from './request-context.middleware.js';
import { RequestValidationError } from './validation.js';

type RawRequestWithContext = IncomingMessage & { id?: string; [REQUEST_CONTEXT]?: RequestContextValue };

const METRICS_TIMER = Symbol('jianfu.http-metrics-timer');

type TimedRequest = FastifyRequest & { [METRICS_TIMER]?: (labels: Record<string, string>) => void };

/** A body-parser failure with its HTTP status, answered as a problem by the exception filter. */
function bodyError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

/**
 * The headers `helmet()` sets, taken once: with its default options they are the same on every response, so they are
 * set from this list in a hook instead of running helmet's dozen middleware functions through middie per request.
 */
export function securityHeaders(): [string, string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.push([name, String(value)]);
      return response;
    },
    removeHeader: () => undefined,
  };
  let passed = false;
  helmet()({} as IncomingMessage, response as unknown as ServerResponse, () => {
    passed = true;
  });
  if (!passed || headers.length === 0) throw new Error('helmet did not set its headers synchronously');
  return headers;
}

/**
 * The request's context and its log line, as Fastify hooks; under Express they are middleware (the request-context
 * middleware and nestjs-pino's pino-http). Run as middleware through Fastify's middleware layer (middie), the two
 * were about a tenth of a small read's busy time in the API benchmark's profile, most of it pino-http's child logger
 * per request and its listeners. Here the context opens in the first `onRequest` hook, and the line is written in
 * `onResponse` by the root logger (nestjs-pino's, the one every other line goes through), whose mixin adds the
 * request and correlation ids. The line's fields are pino-http's: `req`, `res`, `responseTime`, and
 * `request completed`, or `request errored` at level error for a 5xx.
 */
export function installRequestContextAndLog(instance: FastifyInstance): void {
  instance.addHook('onRequest', (request, reply, done) => {
    const context = requestContextFrom(request.headers);
    const raw = request.raw as RawRequestWithContext;
    raw.id = context.requestId;
    raw[REQUEST_CONTEXT] = context;
    reply.raw.setHeader('x-request-id', context.requestId);
    reply.raw.setHeader('x-correlation-id', context.correlationId);
    // Everything Fastify runs from here on (the other hooks, routing, a body-less handler) runs inside the context.
    RequestContext.run(context, done);
  });

  // A body is read from socket events, outside the context, so the handler is run inside it again.
  instance.addHook('preValidation', (request, _reply, done) => {
    const context = (request.raw as RawRequestWithContext)[REQUEST_CONTEXT];
    if (context && RequestContext.current() !== context) RequestContext.run(context, done);
    else done();
  });

  instance.addHook('onResponse', (request, reply, done) => {
    const logger = PinoLogger.root;
    if (!isUnloggedPath(request.raw.url)) {
      const context = (request.raw as RawRequestWithContext)[REQUEST_CONTEXT];
      const line = {
        ...(context ? { reqId: context.requestId, correlationId: context.correlationId } : {}),
        req: request.raw,
        res: reply.raw,
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}

/**
 * The Fastify side of `createServiceApp`: the same contract as the Express setup (JSON bodies only, with the
 * size and depth limits, failures as problems; request context and correlation ids in every handler; request
 * timing by route template), on Fastify's own hooks and parsers instead of Express middleware.
 */
export function configureFastify(instance: FastifyInstance, config: PlatformConfig, metrics: PlatformMetrics): void {
  // Only JSON is read as a body (as the Express setup did); `multipart/form-data` is left unread on the Node request
  // for the route that takes it (admission's attachments parse it with multer, as under Express). Any other media
  // type is refused with 415 before routing.
  instance.removeAllContentTypeParsers();
  const parseJson = (
    _request: FastifyRequest,
    text: string | Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    // Like body-parser: an empty JSON body is an empty object.
    if (text === '') return done(null, {});
    let body: unknown;
    try {
      body = JSON.parse(text as string);
    } catch (error) {
      return done(bodyError(400, (error as Error).message));
    }
    if (jsonDepthExceeds(body, config.HTTP_BODY_MAX_DEPTH)) {
      return done(
        new RequestValidationError([
          {
            field: 'body',
            rule: 'max-depth',
            message: `the JSON body must not nest deeper than ${config.HTTP_BODY_MAX_DEPTH} levels`,
          },
        ]),
      );
    }
    done(null, body);
  };
  const jsonOptions = { parseAs: 'string' as const, bodyLimit: config.HTTP_BODY_LIMIT_BYTES };
  instance.addContentTypeParser('application/json', jsonOptions, parseJson);
  instance.addContentTypeParser(/^application\/[\w.+-]+\+json$/, jsonOptions, parseJson);
  instance.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));

  // Controllers and the platform's filter and interceptors set headers the Node way (`setHeader`), as they did under
  // Express; on a Fastify reply that is `header()`.
  instance.decorateReply('setHeader', function (this: FastifyReply, name: string, value: string | number | string[]) {
    this.header(name, value);
    return this;
  });

  installRequestContextAndLog(instance);

  // Security headers, as `helmet()` sets them, on every response (errors and unmatched paths included).
  const headers = securityHeaders();
  instance.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });

  // Times every request by its route template; a request no route matched counts as `unmatched`.
  instance.addHook('onRequest', (request, _reply, done) => {
    (request as TimedRequest)[METRICS_TIMER] = metrics.httpDuration.startTimer();
    done();
  });
  instance.addHook('onResponse', (request, reply, done) => {
    const stop = (request as TimedRequest)[METRICS_TIMER];
    if (stop) {
      const template = request.is404 ? undefined : request.routeOptions.url;
      stop({ method: request.method, route: template ?? 'unmatched', status: String(reply.statusCode) });
    }
    done();
  });
}
