import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface IdempotencyScope {
  districtCode: string;
  /** What the key names, e.g. `party-building-allocation`; one key may be used once per operation. */
  operation: string;
  key: string;
}

/** Requests named by the caller's Idempotency-Key, with the answer given to the first one. */
@Injectable()
export class IdempotentRequestsRepository {
  /**
   * Claims the key for this request inside the caller's transaction. A concurrent request with the same
   * key waits on the row until the first commits (then finds it) or rolls back (then claims it).
   */
  async claim(
    tx: Transaction,
    scope: IdempotencyScope,
    fingerprint: string,
  ): Promise<{ claimed: true } | { claimed: false; fingerprint: string; response: unknown }> {
    const inserted: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO idempotent_request (district_code, operation, key, fingerprint) VALUES ($1, $2, $3, $4)
       ON CONFLICT (district_code, operation, key) DO NOTHING RETURNING key`,
      [scope.districtCode, scope.operation, scope.key, fingerprint],
    );
    if (inserted.length === 1) return { claimed: true };
    const [row] = await queryRows<{ fingerprint: string; response: unknown }>(
      tx,
      `SELECT fingerprint, response FROM idempotent_request WHERE district_code = $1 AND operation = $2 AND key = $3`,
      [scope.districtCode, scope.operation, scope.key],
    );
    return { claimed: false, fingerprint: row.fingerprint, response: row.response };
  }

  async answer(tx: Transaction, scope: IdempotencyScope, response: unknown): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE idempotent_request SET response = $4 WHERE district_code = $1 AND operation = $2 AND key = $3`,
      [scope.districtCode, scope.operation, scope.key, JSON.stringify(response)],
    );
  }
}
