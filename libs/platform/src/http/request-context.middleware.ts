import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext, type RequestContextValue } from '../context/request-context.js';

/**
 * The request's context, left on the Node request too: under Fastify the body is read from socket events outside
 * the context, and a hook runs the handler inside it again.
 */
export const REQUEST_CONTEXT = Symbol('jianfu.request-context');

const idPattern = /^[A-Za-z0-9._:-]{1,128}$/;

function headerId(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && idPattern.test(value) ? value : undefined;
}

/**
 * A request's context from its headers: the caller's request id and correlation id when well formed, new ones
 * otherwise (the correlation id follows the work into events).
 */
export function requestContextFrom(headers: IncomingHttpHeaders): RequestContextValue {
  const requestId = headerId(headers, 'x-request-id') ?? randomUUID();
  return { requestId, correlationId: headerId(headers, 'x-correlation-id') ?? requestId };
}

/** Opens the request's context (Express and the gateway; the services on Fastify do it in a hook). */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const context = requestContextFrom(request.headers);
  (request as Request & { id: string }).id = context.requestId;
  response.setHeader('x-request-id', context.requestId);
  response.setHeader('x-correlation-id', context.correlationId);
  (request as Request & { [REQUEST_CONTEXT]?: RequestContextValue })[REQUEST_CONTEXT] = context;
  RequestContext.run(context, () => next());
}
