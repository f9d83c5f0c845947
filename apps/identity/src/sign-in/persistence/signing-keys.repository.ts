import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import type { Transaction } from '@jianfu/platform';

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
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('identity.signing_key'))`);
  }

  /** Keys still published: the signing one first (latest activated), then those retiring. */
  async published(tx: Transaction): Promise<SigningKey[]> {
    return tx.query(
      `SELECT kid, private_jwk AS "privateJwk", activated_at AS "activatedAt", retired_at AS "retiredAt"
       FROM signing_key WHERE retired_at IS NULL OR retired_at > now() ORDER BY activated_at DESC, kid`,
    );
  }

  async insert(tx: Transaction, key: { kid: string; privateJwk: JWK }): Promise<void> {
    await tx.query(`INSERT INTO signing_key (kid, private_jwk) VALUES ($1, $2)`, [
      key.kid,
      JSON.stringify(key.privateJwk),
    ]);
  }

  /** The keys that signed until now stay published until tokens they signed have expired. */
  async retireOthers(tx: Transaction, keepKid: string, retireAfterSeconds: number): Promise<void> {
    await tx.query(
      `UPDATE signing_key SET retired_at = now() + make_interval(secs => $2::int)
       WHERE kid <> $1 AND retired_at IS NULL`,
      [keepKid, retireAfterSeconds],
    );
  }

  /** The secret of that name, created with `generate` if nobody has yet (the first writer wins). */
  async secret(tx: Transaction, name: string, generate: () => string): Promise<string> {
    await tx.query(`INSERT INTO provider_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      generate(),
    ]);
    const rows: { value: string }[] = await tx.query(`SELECT value FROM provider_secret WHERE name = $1`, [name]);
    return rows[0].value;
  }
}
