import { randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { GatewayConfig } from '../../../config.js';
import { hashOpaqueId, newOpaqueId } from '../../domain/session-secrets.js';
import { accessTokenExpiry, sessionUserFromAccessToken } from '../../domain/session-user.js';
import { SessionErrors } from '../../domain/sessions.errors.js';
import { GrantRefusedError, IdentityProvider } from '../../oidc/identity-provider.js';
import { SessionsRepository } from '../../persistence/sessions.repository.js';
import { SessionAccess } from '../../session-access.js';
import { CompleteSignInCommand, type SignInCompleted } from './complete-sign-in.command.js';

/**
 * Checks that the callback answers a sign-in this browser started (its cookie names the attempt, the state
 * matches), exchanges the code with the verifier, and stores a new session. The attempt is spent either way, so
 * a replayed callback URL opens nothing.
 */
@CommandHandler(CompleteSignInCommand)
export class CompleteSignInHandler implements ICommandHandler<CompleteSignInCommand> {
  constructor(
    private readonly config: GatewayConfig,
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsRepository,
    private readonly identity: IdentityProvider,
    private readonly access: SessionAccess,
  ) {}

  async execute(command: CompleteSignInCommand): Promise<SignInCompleted> {
    const invalid = (why: string) => DomainError.of(SessionErrors['sign-in.invalid-callback'], why);
    const { attemptId } = command;
    if (!attemptId) throw invalid('No sign-in was started in this browser (or it took too long)');
    const attempt = await this.transactions.run((tx) => this.sessions.takeAttempt(tx, hashOpaqueId(attemptId)));
    if (!attempt) throw invalid('No sign-in was started in this browser (or it took too long)');
    if (command.callbackUrl.searchParams.get('state') !== attempt.state) {
      throw invalid('The callback does not answer this browser’s sign-in');
    }
    let tokens;
    try {
      tokens = await this.identity.exchangeCode(command.callbackUrl, attempt);
    } catch (error) {
      if (error instanceof GrantRefusedError)
        throw invalid(`The identity service refused the sign-in (${error.error})`);
      throw error;
    }
    const sessionId = newOpaqueId();
    const user = sessionUserFromAccessToken(tokens.accessToken, tokens.name);
    await this.transactions.run((tx) =>
      this.sessions.insertSession(tx, {
        idHash: hashOpaqueId(sessionId),
        user,
        csrfToken: randomBytes(24).toString('base64url'),
        tokens: this.access.sealTokens(tokens),
        accessExpiresAt: accessTokenExpiry(tokens.accessToken),
        expiresAt: new Date(Date.now() + this.config.SESSION_TTL_SECONDS * 1000),
      }),
    );
    return { sessionId, returnTo: attempt.returnTo };
  }
}
