import { Injectable } from '@nestjs/common';
import { DomainError, type Transaction } from '@jianfu/platform';
import { requestFingerprint } from './domain/idempotency-key.js';
import { type IdempotencyScope, IdempotentRequestsRepository } from './persistence/idempotent-requests.repository.js';
import { IdempotencyErrors } from './domain/idempotency.errors.js';

/**
 * Runs a money-moving request once per Idempotency-Key: the same key with the same request returns the
 * first answer (`replayed: true`) and moves nothing; the same key with another request is refused (422),
 * never answered with an older result. A refused request (4xx) rolls back with its claim, so its key
 * stays free.
 */
@Injectable()
export class IdempotentRequests {
  constructor(private readonly requests: IdempotentRequestsRepository) {}

  async once<T extends { replayed: boolean }>(
    tx: Transaction,
    scope: IdempotencyScope,
    request: Record<string, unknown>,
    act: () => Promise<T>,
  ): Promise<T> {
    const fingerprint = requestFingerprint(request);
    const claim = await this.requests.claim(tx, scope, fingerprint);
    if (!claim.claimed) {
      if (claim.fingerprint !== fingerprint) {
        throw DomainError.of(
          IdempotencyErrors['idempotency.key-reused'],
          `Idempotency-Key ${scope.key} already named another ${scope.operation} request; use a new key for a new request`,
          { field: 'Idempotency-Key' },
        );
      }
      return { ...(claim.response as T), replayed: true };
    }
    const result = await act();
    await this.requests.answer(tx, scope, result);
    return result;
  }
}
