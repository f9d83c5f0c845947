import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import { RequestContext } from '../context/request-context.js';

/**
 * Log lines are written in batches of about this many bytes (a dozen request lines) instead of one write per line:
 * at 500 reads a second the write per line was a system call per request (the API benchmark's profile). A line waits
 * at most LOG_FLUSH_MS, and whatever is waiting is written synchronously when the process exits.
 */
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 200;

/** How a request is described in its line: its id, method, path and query, and the caller's address; no headers. */
function requestLogFields(
  id: string | undefined,
  request: IncomingMessage & { originalUrl?: string },
): { id: string | undefined; method: string | undefined; url: string | undefined; remoteAddress: string | undefined } {
  return {
    id,
    method: request.method,
    url: request.originalUrl ?? request.url,
    remoteAddress: request.socket?.remoteAddress,
  };
}

/** The liveness probe, called every few seconds by the orchestrator, is not logged. */
export function isUnloggedPath(url: string | undefined): boolean {
  return url === '/health';
}

/**
 * Structured JSON logs; every line of a request carries its request and correlation ids.
 *
 * Kept cheap on the request path (the API benchmark's profile put synchronous log writes and per-request
 * serialisation among the largest costs of a small read): lines go to stdout through an asynchronous destination
 * (written between requests, flushed when the process exits), a request is described by its id, method, URL and
 * caller address (no headers, so no credential can reach a log), and the lines a handler logs carry the request id
 * only, not the whole request again.
 */
export function loggerOptions(
  serviceName: string,
  level: string,
  framework: 'fastify' | 'express' = 'express',
  destination: pino.DestinationStream = pino.destination({
    dest: 1,
    sync: false,
    minLength: LOG_BATCH_BYTES,
    periodicFlush: LOG_FLUSH_MS,
  }),
): Params {
  const fastify = framework === 'fastify';
  return {
    // On Fastify the request's line is written by a hook (`installRequestContextAndLog`), not by pino-http's
    // middleware: nestjs-pino applies its middleware to no route there, and only provides the root logger.
    ...(fastify ? { forRoutes: [] } : {}),
    pinoHttp: [
      {
        level,
        base: { service: serviceName },
        genReqId: (request) => (request as { id?: string }).id ?? RequestContext.current()?.requestId ?? 'unknown',
        // A mixin, not pino-http's customProps: those make two more child loggers per request. Under pino-http a
        // request's child logger carries its `reqId`; on Fastify every line goes through the root logger, and the
        // mixin adds it.
        mixin: () => {
          const context = RequestContext.current();
          if (!context) return {};
          return fastify
            ? { reqId: context.requestId, correlationId: context.correlationId }
            : { correlationId: context.correlationId };
        },
        quietReqLogger: true,
        // The serializers below read the raw request and response; pino-http's wrapping would first build the
        // standard (headers and all) description of each.
        wrapSerializers: false,
        serializers: {
          req: (request: IncomingMessage & { id?: string; originalUrl?: string }) =>
            requestLogFields(request.id, request),
          res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
        },
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        // Express's routers strip the matched path from `url`; `originalUrl` is the request's whole path.
        autoLogging: {
          ignore: (request) =>
            isUnloggedPath((request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url),
        },
      },
      destination,
    ],
  };
}
