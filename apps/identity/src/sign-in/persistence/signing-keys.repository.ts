import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  activatedAt: Date;
  retiredAt: Date | null;
}

/** The provider's signing keys and cookie secrets, generated at first start and kept in the service's schema. */
@Injectable()
export class SigningKeysRepository {
  /** Serialises key generation and rotation across processes of the service. */
  async lock(tx: Transaction): Promise<void> {
    await queryRows(tx, `SELECT pg_advisory_xact_lock(hashtext('identity.signing_key'))`);
  }

  /**
   * Keys still published, the one signing now first (the latest already activated; the provider signs with the
   * first key of its set), then keys about to sign, then keys retiring.
   */
  async published(tx: Transaction): Promise<SigningKey[]> {
    return queryRows(
      tx,
      `SELECT kid, private_jwk AS "privateJwk", activated_at AS "activatedAt", retired_at AS "retiredAt"
       FROM signing_key WHERE retired_at IS NULL OR retired_at > now()
       ORDER BY (activated_at <= now()) DESC, CASE WHEN activated_at <= now() THEN activated_at END DESC,
                activated_at, kid`,
    );
  }

  /** A key that signs from `activateAfterSeconds` on; until then it is only published. */
  async insert(tx: Transaction, key: { kid: string; privateJwk: JWK }, activateAfterSeconds = 0): Promise<Date> {
    const rows: { activatedAt: Date }[] = await entityManagerOf(tx).query(
      `INSERT INTO signing_key (kid, private_jwk, activated_at) VALUES ($1, $2, now() + make_interval(secs => $3::int))
       RETURNING activated_at AS "activatedAt"`,
      [key.kid, JSON.stringify(key.privateJwk), activateAfterSeconds],
    );
    return rows[0].activatedAt;
  }

  /** The keys that signed until `from` stay published until the tokens they signed have expired. */
  async retireOthers(tx: Transaction, keepKid: string, from: Date, retireAfterSeconds: number): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE signing_key SET retired_at = $2::timestamptz + make_interval(secs => $3::int)
       WHERE kid <> $1 AND retired_at IS NULL`,
      [keepKid, from, retireAfterSeconds],
    );
  }

  /** The secret of that name, created with `generate` if nobody has yet (the first writer wins). */
  async secret(tx: Transaction, name: string, generate: () => string): Promise<string> {
    await entityManagerOf(tx).query(
      `INSERT INTO provider_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, generate()],
    );
    const rows: { value: string }[] = await queryRows(tx, `SELECT value FROM provider_secret WHERE name = $1`, [name]);
    return rows[0].value;
  }
}
