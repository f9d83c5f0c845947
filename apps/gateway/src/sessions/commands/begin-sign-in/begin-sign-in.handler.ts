import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { safeReturnTo } from '../../domain/return-to.js';
import { hashOpaqueId, newOpaqueId } from '../../domain/session-secrets.js';
import { IdentityProvider } from '../../oidc/identity-provider.js';
import { SessionsRepository } from '../../persistence/sessions.repository.js';
import { BeginSignInCommand, type SignInStarted } from './begin-sign-in.command.js';

/** A sign-in must come back within the identity service's interaction lifetime (10 min). */
export const signInAttemptSeconds = 600;

@CommandHandler(BeginSignInCommand)
export class BeginSignInHandler implements ICommandHandler<BeginSignInCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsRepository,
    private readonly identity: IdentityProvider,
  ) {}

  async execute(command: BeginSignInCommand): Promise<SignInStarted> {
    const request = await this.identity.authorizationRequest();
    const attemptId = newOpaqueId();
    await this.transactions.run((tx) =>
      this.sessions.insertAttempt(
        tx,
        hashOpaqueId(attemptId),
        {
          state: request.state,
          nonce: request.nonce,
          codeVerifier: request.codeVerifier,
          returnTo: safeReturnTo(command.returnTo),
        },
        new Date(Date.now() + signInAttemptSeconds * 1000),
      ),
    );
    return { authorizationUrl: request.url, attemptId };
  }
}
