import { createHash } from 'node:crypto';
import { DomainError } from '@jianfu/platform';
import { IdempotencyErrors } from './idempotency.errors.js';

/**
 * The Idempotency-Key a request that moves money must carry: it names the request, so a client retrying
 * after a lost answer gets the first answer and money moves once.
 */
export function requireIdempotencyKey(key: string | undefined): string {
  if (key === undefined || key.trim().length === 0) {
    throw DomainError.of(
      IdempotencyErrors['request.idempotency-key-required'],
      'This request moves money: send an Idempotency-Key header naming it (e.g. a UUID), and the same key when retrying',
      { field: 'Idempotency-Key' },
    );
  }
  if (key.length > 200) {
    throw DomainError.of(IdempotencyErrors['request.idempotency-key'], 'Idempotency-Key must be 1–200 characters', {
      field: 'Idempotency-Key',
    });
  }
  return key;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, field]) => field !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, field]) => [name, canonical(field)]),
    );
  }
  return value;
}

/** The same request (same fields, whatever their order) always has the same fingerprint. */
export function requestFingerprint(request: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}
