import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { SessionUser } from '../domain/session-user.js';

export interface SignInAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export interface StoredSession {
  idHash: string;
  user: SessionUser;
  csrfToken: string;
  /** The tokens, sealed (TokenSealer). */
  tokens: string;
  accessExpiresAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

const sessionColumns = `id_hash AS "idHash", principal AS "user", csrf_token AS "csrfToken", tokens,
  access_expires_at AS "accessExpiresAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"`;

/** Sign-ins under way and sessions, keyed by the hash of the id their cookie holds. */
@Injectable()
export class SessionsRepository {
  async insertAttempt(tx: Transaction, idHash: string, attempt: SignInAttempt, expiresAt: Date): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO sign_in_attempt (id_hash, state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [idHash, attempt.state, attempt.nonce, attempt.codeVerifier, attempt.returnTo, expiresAt],
    );
    // Attempts a browser never finished are cleared as new ones start.
    await entityManagerOf(tx).query(`DELETE FROM sign_in_attempt WHERE expires_at < now()`);
  }

  /** Takes the attempt out (a callback is used once), if it has not expired. */
  async takeAttempt(tx: Transaction, idHash: string): Promise<SignInAttempt | null> {
    const [rows]: [SignInAttempt[], number] = await entityManagerOf(tx).query(
      `DELETE FROM sign_in_attempt WHERE id_hash = $1
       RETURNING state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo", expires_at AS "expiresAt"`,
      [idHash],
    );
    const row = rows[0] as (SignInAttempt & { expiresAt: Date }) | undefined;
    if (!row || row.expiresAt.getTime() < Date.now()) return null;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, returnTo: row.returnTo };
  }

  async insertSession(tx: Transaction, session: Omit<StoredSession, 'lastSeenAt'>): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO session (id_hash, user_id, principal, csrf_token, tokens, access_expires_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        session.idHash,
        session.user.userId,
        JSON.stringify(session.user),
        session.csrfToken,
        session.tokens,
        session.accessExpiresAt,
        session.expiresAt,
      ],
    );
    await entityManagerOf(tx).query(`DELETE FROM session WHERE expires_at < now()`);
  }

  /** `lock`: for a refresh, so that two requests of one browser never spend the same refresh token twice. */
  async find(tx: Transaction, idHash: string, options: { lock?: boolean } = {}): Promise<StoredSession | null> {
    const rows: StoredSession[] = await queryRows(
      tx,
      `SELECT ${sessionColumns} FROM session WHERE id_hash = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [idHash],
    );
    return rows[0] ?? null;
  }

  async updateTokens(
    tx: Transaction,
    idHash: string,
    update: { user: SessionUser; tokens: string; accessExpiresAt: Date },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE session SET principal = $2, tokens = $3, access_expires_at = $4, last_seen_at = now() WHERE id_hash = $1`,
      [idHash, JSON.stringify(update.user), update.tokens, update.accessExpiresAt],
    );
  }

  async touch(tx: Transaction, idHash: string): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE session SET last_seen_at = now() WHERE id_hash = $1`, [idHash]);
  }

  async delete(tx: Transaction, idHash: string): Promise<StoredSession | null> {
    const [rows]: [StoredSession[], number] = await entityManagerOf(tx).query(
      `DELETE FROM session WHERE id_hash = $1 RETURNING ${sessionColumns}`,
      [idHash],
    );
    return rows[0] ?? null;
  }
}
