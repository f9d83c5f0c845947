import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { IdentityProvider } from '../../oidc/identity-provider.js';
import { SessionsRepository } from '../../persistence/sessions.repository.js';
import { SignOutCommand } from './sign-out.command.js';

/**
 * The gateway's session ends at once; the identity service's session (and with it the grant's refresh tokens)
 * ends when the browser confirms at its end_session page, with the ID token as the hint.
 */
@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsRepository,
    private readonly identity: IdentityProvider,
  ) {}

  async execute(command: SignOutCommand): Promise<{ signOutUrl: string }> {
    await this.transactions.run((tx) => this.sessions.delete(tx, command.session.idHash));
    return { signOutUrl: await this.identity.endSessionUrl(command.session.idToken) };
  }
}
