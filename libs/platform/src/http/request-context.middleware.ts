import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext, type RequestContextValue } from '../context/request-context.js';

/**
 * The request's context, left on the Node request too: under Fastify the body is read from socket events outside
 * the context, and a hook runs the handler inside it again.
 */
export const REQUEST_CONTEXT = Symbol('jianfu.request-context');

const idPattern = /^[A-Za-z0-9._:-]{1,128}$/;

function headerId(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && idPattern.test(value) ? value : undefined;
}

/** Opens the request's context: a request id, and a correlation id that follows the work into events. */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const requestId = headerId(request, 'x-request-id') ?? randomUUID();
  const correlationId = headerId(request, 'x-correlation-id') ?? requestId;
  (request as Request & { id: string }).id = requestId;
  response.setHeader('x-request-id', requestId);
  response.setHeader('x-correlation-id', correlationId);
  const context: RequestContextValue = { requestId, correlationId };
  (request as Request & { [REQUEST_CONTEXT]?: RequestContextValue })[REQUEST_CONTEXT] = context;
  RequestContext.run(context, () => next());
}
