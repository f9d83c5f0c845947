import { randomUUID } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, mergeMap, type Observable, of, throwError, catchError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/access.decorators.js';
import { PlatformConfig } from '../config/platform-config.js';
import { DomainError } from '../http/domain-error.js';
import { idempotencyKeyOf, requestFingerprint } from './idempotency-key.js';
import { IdempotencyRecordRepository } from './idempotency-record.repository.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const purgeEveryMs = 3600_000;

/**
 * One Idempotency-Key handling for every command of every service (installed globally). Keys belong to the
 * caller. The first request with a key runs and its successful answer is stored; the same key with the
 * same request replays that answer (status and body, header `Idempotent-Replayed: true`) without running
 * again; the same key with another request is refused with 422; a request arriving while the first still
 * runs gets 409. A failed request stores nothing, so the client may retry it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private lastPurge = 0;

  constructor(
    private readonly records: IdempotencyRecordRepository,
    private readonly config: PlatformConfig,
  ) {}

  // Not `async`: a read, or a command without a key, passes straight through, without the promise and the deferred
  // observable Nest wraps around an asynchronous interceptor.
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!unsafeMethods.has(request.method)) return next.handle();
    const key = idempotencyKeyOf(request);
    if (key === undefined) return next.handle();
    return this.interceptKeyed(request, context.switchToHttp().getResponse<Response>(), key, next);
  }

  private async interceptKeyed(
    request: AuthenticatedRequest,
    response: Response,
    key: string,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    const owner = request.principal?.userId ?? 'anonymous';
    const fingerprint = requestFingerprint(request);
    const leaseToken = randomUUID();
    this.purgeNowAndThen();
    const claim = async () =>
      this.records.claim({
        owner,
        key,
        fingerprint,
        leaseToken,
        leaseMs: this.config.IDEMPOTENCY_LEASE_MS,
        retentionHours: this.config.IDEMPOTENCY_RETENTION_HOURS,
      });
    let outcome = await claim();
    if (outcome.kind === 'released') outcome = await claim();
    if (outcome.kind === 'released') {
      response.setHeader('Retry-After', '1');
      throw new DomainError('idempotency.in-progress', 'A request with this Idempotency-Key is being handled', 409);
    }
    if (outcome.kind !== 'claimed' && outcome.fingerprint !== fingerprint) {
      throw new DomainError(
        'idempotency.key-reused',
        'This Idempotency-Key was used for a different request; use a new key for a new request',
        422,
      );
    }
    if (outcome.kind === 'in-progress') {
      response.setHeader('Retry-After', '1');
      throw new DomainError('idempotency.in-progress', 'A request with this Idempotency-Key is being handled', 409);
    }
    if (outcome.kind === 'completed') {
      response.status(outcome.status);
      response.setHeader('Idempotent-Replayed', 'true');
      return of(outcome.body === null ? undefined : (JSON.parse(outcome.body) as unknown));
    }

    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        try {
          await this.records.complete(owner, key, leaseToken, response.statusCode, JSON.stringify(body) ?? null);
        } catch (error) {
          // The command took effect; its answer stands. A retry after the lease runs again and meets the
          // command's own idempotency (update ids, ledger transfer ids) below HTTP.
          this.logger.warn({ err: error }, 'Could not store the answer of an idempotent request');
        }
        return body;
      }),
      catchError((error: unknown) =>
        from(this.records.release(owner, key, leaseToken).catch(() => undefined)).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }

  private purgeNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPurge < purgeEveryMs) return;
    this.lastPurge = now;
    this.records.purgeExpired().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Could not purge expired idempotency records');
    });
  }
}
