import { Injectable, Logger } from '@nestjs/common';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { GatewayConfig } from '../config.js';
import { hashOpaqueId, TokenSealer } from './domain/session-secrets.js';
import { accessTokenExpiry, type SessionUser, sessionUserFromAccessToken } from './domain/session-user.js';
import { SessionErrors } from './domain/sessions.errors.js';
import { GrantRefusedError, IdentityProvider, type IssuedTokens } from './oidc/identity-provider.js';
import { SessionsRepository, type StoredSession } from './persistence/sessions.repository.js';

/** A session as a request uses it: its user, its CSRF token, and an access token good for a while yet. */
export interface ActiveSession {
  idHash: string;
  user: SessionUser;
  csrfToken: string;
  accessToken: string;
  idToken?: string;
  expiresAt: Date;
}

/** Never written more often than this, so a busy console does not turn every read into a write. */
const touchEveryMs = 60_000;

/**
 * Finds the session a cookie names and keeps its access token fresh: when fewer than
 * `TOKEN_REFRESH_BEFORE_SECONDS` are left, it refreshes under a row lock (one refresh per session however many
 * requests arrive at once; the identity service revokes the whole grant when a refresh token is replayed), and
 * ends the session when the identity service refuses.
 */
@Injectable()
export class SessionAccess {
  private readonly logger = new Logger(SessionAccess.name);
  readonly sealer: TokenSealer;

  constructor(
    private readonly config: GatewayConfig,
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsRepository,
    private readonly identity: IdentityProvider,
  ) {
    this.sealer = new TokenSealer(config.SESSION_SECRET);
  }

  sealTokens(tokens: IssuedTokens): string {
    return this.sealer.seal(JSON.stringify(tokens));
  }

  /** The session of the cookie, refreshed if needed; throws `session.required` or `session.expired`. */
  async resolve(sessionId: string | undefined): Promise<ActiveSession> {
    if (!sessionId) throw DomainError.of(SessionErrors['session.required'], 'Sign in first');
    const idHash = hashOpaqueId(sessionId);
    const stored = await this.sessions.find(this.transactions.reader, idHash);
    if (!stored) throw DomainError.of(SessionErrors['session.required'], 'Sign in first');
    const active = await this.usable(stored);
    if (active) {
      if (Date.now() - new Date(stored.lastSeenAt).getTime() > touchEveryMs) {
        await this.sessions.touch(this.transactions.reader, idHash);
      }
      return active;
    }
    return this.refresh(idHash);
  }

  /** The session as it stands, or undefined when its access token needs a refresh; ends a session past its time. */
  private async usable(stored: StoredSession): Promise<ActiveSession | undefined> {
    const now = Date.now();
    const idleUntil = new Date(stored.lastSeenAt).getTime() + this.config.SESSION_IDLE_SECONDS * 1000;
    if (new Date(stored.expiresAt).getTime() <= now || idleUntil <= now) {
      return this.end(stored.idHash, 'timed out');
    }
    const tokens = this.openTokens(stored);
    if (!tokens) return this.end(stored.idHash, 'tokens unreadable (SESSION_SECRET changed)');
    const refreshAt = new Date(stored.accessExpiresAt).getTime() - this.config.TOKEN_REFRESH_BEFORE_SECONDS * 1000;
    if (refreshAt > now) return this.active(stored, tokens);
    return undefined;
  }

  private async refresh(idHash: string): Promise<ActiveSession> {
    const outcome = await this.transactions.run(async (tx): Promise<ActiveSession | { ended: string }> => {
      const stored = await this.sessions.find(tx, idHash, { lock: true });
      if (!stored) return { ended: 'gone' };
      const tokens = this.openTokens(stored);
      if (!tokens) return { ended: 'tokens unreadable (SESSION_SECRET changed)' };
      // Another request refreshed while this one waited for the lock.
      const refreshAt = new Date(stored.accessExpiresAt).getTime() - this.config.TOKEN_REFRESH_BEFORE_SECONDS * 1000;
      if (refreshAt > Date.now()) return this.active(stored, tokens);
      if (!tokens.refreshToken) return { ended: 'no refresh token' };
      let issued: IssuedTokens;
      try {
        issued = await this.identity.refresh(tokens.refreshToken);
      } catch (error) {
        if (!(error instanceof GrantRefusedError)) throw error;
        return { ended: `the identity service refused the refresh (${error.error})` };
      }
      const next: IssuedTokens = {
        ...issued,
        // The provider rotates refresh tokens; an ID token is issued at sign-in only (end_session's hint).
        refreshToken: issued.refreshToken ?? tokens.refreshToken,
        ...((issued.idToken ?? tokens.idToken) ? { idToken: issued.idToken ?? tokens.idToken } : {}),
      };
      const user = sessionUserFromAccessToken(next.accessToken, stored.user.name);
      const accessExpiresAt = accessTokenExpiry(next.accessToken);
      const sealed = this.sealTokens(next);
      await this.sessions.updateTokens(tx, idHash, { user, tokens: sealed, accessExpiresAt });
      return this.active({ ...stored, user, tokens: sealed, accessExpiresAt }, next);
    });
    // Ended outside the refresh's transaction, which a thrown refusal would roll back.
    if ('ended' in outcome) return this.end(idHash, outcome.ended);
    return outcome;
  }

  private async end(idHash: string, why: string): Promise<never> {
    await this.sessions.delete(this.transactions.reader, idHash);
    this.logger.log({ why }, 'Session ended');
    throw DomainError.of(SessionErrors['session.expired'], 'The session ended; sign in again');
  }

  private openTokens(stored: StoredSession): IssuedTokens | null {
    const plain = this.sealer.open(stored.tokens);
    return plain ? (JSON.parse(plain) as IssuedTokens) : null;
  }

  private active(stored: StoredSession, tokens: IssuedTokens): ActiveSession {
    return {
      idHash: stored.idHash,
      user: stored.user,
      csrfToken: stored.csrfToken,
      accessToken: tokens.accessToken,
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      expiresAt: new Date(stored.expiresAt),
    };
  }
}
