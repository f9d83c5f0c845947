import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationError } from '../http/validation.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const keyPattern = /^[\x21-\x7E]{1,200}$/;

/** The request's Idempotency-Key, if it sent one; refuses a malformed key with a 400 naming the header. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !keyPattern.test(value)) {
    throw new RequestValidationError([
      {
        field: IDEMPOTENCY_KEY_HEADER,
        rule: 'idempotency-key',
        message: `header ${IDEMPOTENCY_KEY_HEADER} must be 1–200 visible ASCII characters`,
      },
    ]);
  }
  return value;
}

/** JSON with object keys sorted, so a retried body that differs only in key order matches. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What "the same request" means for a key: method, path with query, and the body's content. */
export function requestFingerprint(request: Request): string {
  return createHash('sha256')
    .update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

/**
 * The Idempotency-Key a handler passes on to its command, so the effect below HTTP (a Temporal update id,
 * a ledger transfer id) is keyed the same way. The interceptor validated it before the handler ran.
 */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  idempotencyKeyOf(context.switchToHttp().getRequest<Request>()),
);
