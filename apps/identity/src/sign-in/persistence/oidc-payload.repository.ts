import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { returningRows } from '../../persistence/returning-rows.js';

export interface StoredPayload {
  [key: string]: unknown;
  grantId?: string;
  userCode?: string;
  uid?: string;
}

/**
 * The OpenID Provider's short-lived artefacts (sessions, interactions, codes, grants, refresh tokens), one
 * row per kind and id. A consumed artefact keeps its row with `consumed_at`, so a second use is detected.
 */
@Injectable()
export class OidcPayloadRepository {
  async upsert(tx: Transaction, kind: string, id: string, payload: StoredPayload, expiresIn: number): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO oidc_payload (kind, id, payload, grant_id, user_code, uid, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int > 0 THEN now() + make_interval(secs => $7::int) END)
       ON CONFLICT (kind, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
         user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
      [
        kind,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        Math.max(0, Math.ceil(expiresIn)),
      ],
    );
  }

  async find(tx: Transaction, kind: string, column: 'id' | 'uid' | 'user_code', value: string) {
    const rows: { payload: StoredPayload; consumedAt: Date | null }[] = await queryRows(
      tx,
      `SELECT payload, consumed_at AS "consumedAt" FROM oidc_payload
       WHERE kind = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [kind, value],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.consumedAt
      ? { ...row.payload, consumed: Math.floor(new Date(row.consumedAt).getTime() / 1000) }
      : row.payload;
  }

  async consume(tx: Transaction, kind: string, id: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE oidc_payload SET consumed_at = now() WHERE kind = $1 AND id = $2 AND consumed_at IS NULL`,
      [kind, id],
    );
  }

  async destroy(tx: Transaction, kind: string, id: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM oidc_payload WHERE kind = $1 AND id = $2`, [kind, id]);
  }

  /** A revoked grant takes every artefact issued under it along, whatever its kind. */
  async revokeByGrantId(tx: Transaction, grantId: string): Promise<void> {
    await entityManagerOf(tx).query(`DELETE FROM oidc_payload WHERE grant_id = $1`, [grantId]);
  }

  async deleteExpired(tx: Transaction): Promise<number> {
    const rows = returningRows(
      await entityManagerOf(tx).query(
        `DELETE FROM oidc_payload WHERE expires_at < now() - interval '1 hour' RETURNING 1`,
      ),
    );
    return rows.length;
  }
}
