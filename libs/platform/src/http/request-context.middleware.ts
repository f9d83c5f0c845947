import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from '../context/request-context.js';

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
  RequestContext.run({ requestId, correlationId }, () => next());
}
