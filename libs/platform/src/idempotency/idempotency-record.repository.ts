import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'in-progress'; fingerprint: string }
  | { kind: 'completed'; fingerprint: string; status: number; body: string | null }
  /** The row vanished between the claim and the look-up (its request failed and released it): claim again. */
  | { kind: 'released' };

export interface ClaimRequest {
  owner: string;
  key: string;
  fingerprint: string;
  leaseToken: string;
  leaseMs: number;
  retentionHours: number;
}

/** The stored answers of keyed commands; autocommitted, outside the command's own transaction. */
@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the key for this request: a new key, one whose answer has expired, or one whose holder died
   * (lease passed) while handling the very same request. Otherwise reports what holds it.
   */
  async claim(request: ClaimRequest): Promise<IdempotencyClaim> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record AS r
         (owner, idempotency_key, fingerprint, lease_token, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond', now() + $6 * interval '1 hour')
       ON CONFLICT (owner, idempotency_key) DO UPDATE SET
         fingerprint = EXCLUDED.fingerprint,
         lease_token = EXCLUDED.lease_token,
         locked_until = EXCLUDED.locked_until,
         expires_at = EXCLUDED.expires_at,
         response_status = NULL,
         response_body = NULL,
         created_at = now(),
         completed_at = NULL
       WHERE r.expires_at < now()
          OR (r.completed_at IS NULL AND r.locked_until < now() AND r.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1`,
      [request.owner, request.key, request.fingerprint, request.leaseToken, request.leaseMs, request.retentionHours],
    );
    if (claimed.length > 0) return { kind: 'claimed' };
    const rows: { fingerprint: string; response_status: number | null; response_body: string | null }[] =
      await this.dataSource.query(
        `SELECT fingerprint, response_status, response_body FROM idempotency_record
          WHERE owner = $1 AND idempotency_key = $2`,
        [request.owner, request.key],
      );
    const row = rows[0];
    if (!row) return { kind: 'released' };
    if (row.response_status === null) return { kind: 'in-progress', fingerprint: row.fingerprint };
    return { kind: 'completed', fingerprint: row.fingerprint, status: row.response_status, body: row.response_body };
  }

  async complete(owner: string, key: string, leaseToken: string, status: number, body: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_record SET response_status = $4, response_body = $5, completed_at = now()
        WHERE owner = $1 AND idempotency_key = $2 AND lease_token = $3`,
      [owner, key, leaseToken, status, body],
    );
  }

  /** A failed request leaves no answer behind: the key is free for a retry. */
  async release(owner: string, key: string, leaseToken: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_record
        WHERE owner = $1 AND idempotency_key = $2 AND lease_token = $3 AND completed_at IS NULL`,
      [owner, key, leaseToken],
    );
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_record WHERE expires_at < now()');
  }
}
