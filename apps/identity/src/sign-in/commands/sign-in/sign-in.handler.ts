import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Transaction, TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../../audit/persistence/audit-log.repository.js';
import { IdentityConfig } from '../../../config.js';
import { PasswordHasher } from '../../../users/domain/password-hasher.js';
import { UsersRepository } from '../../../users/persistence/users.repository.js';
import { SignInCommand, type SignInOutcome } from './sign-in.command.js';

/**
 * Checks a login name and password. Unknown user, disabled user, locked user and wrong password all come back
 * as the same refusal after the same work (one argon2 verification), so a guesser learns nothing; the audit
 * log records which it was. Failures in a row lock the account for a while; many failures from one address,
 * whatever the login names, refuse that address for a while.
 */
@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(
    private readonly config: IdentityConfig,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: SignInCommand): Promise<SignInOutcome> {
    return this.transactions.run(async (tx) => {
      const base = { actorId: null, loginName: command.loginName.slice(0, 200), remoteAddress: command.remoteAddress };
      if (command.remoteAddress && (await this.addressThrottled(tx, command.remoteAddress))) {
        await this.hasher.verifyDecoy(command.password);
        await this.audit.append(tx, {
          ...base,
          action: 'sign-in.failed',
          userId: null,
          detail: { reason: 'address-throttled' },
        });
        return { signedIn: false };
      }
      const user = await this.users.findByLoginNameForUpdate(tx, command.loginName);
      if (!user) {
        await this.hasher.verifyDecoy(command.password);
        await this.audit.append(tx, {
          ...base,
          action: 'sign-in.failed',
          userId: null,
          detail: { reason: 'unknown-user' },
        });
        return { signedIn: false };
      }
      const now = new Date();
      const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > now;
      const passwordMatches = await this.hasher.verify(user.passwordHash, command.password);
      const entry = { ...base, userId: user.id };
      if (user.status !== 'active' || locked) {
        const reason = user.status !== 'active' ? 'disabled' : 'locked';
        await this.audit.append(tx, { ...entry, action: 'sign-in.failed', detail: { reason } });
        return { signedIn: false };
      }
      if (!passwordMatches) {
        // A lock that has run out starts the count afresh.
        const lapsed = user.lockedUntil !== null;
        const failures = (lapsed ? 0 : user.failedSignIns) + 1;
        const lockNow = failures >= this.config.SIGN_IN_MAX_FAILURES;
        const lockedUntil = lockNow ? new Date(now.getTime() + this.config.SIGN_IN_LOCKOUT_SECONDS * 1000) : null;
        await this.users.recordFailedSignIn(tx, user.id, failures, lockedUntil);
        await this.audit.append(tx, {
          ...entry,
          action: 'sign-in.failed',
          detail: { reason: 'wrong-password', failures },
        });
        if (lockNow) {
          await this.audit.append(tx, {
            ...entry,
            action: 'sign-in.locked-out',
            detail: { failures, lockedUntil: lockedUntil?.toISOString() },
          });
        }
        return { signedIn: false };
      }
      await this.users.recordSuccessfulSignIn(tx, user.id);
      await this.audit.append(tx, { ...entry, action: 'sign-in.succeeded', detail: {} });
      return { signedIn: true, userId: user.id, mustChangePassword: user.mustChangePassword };
    });
  }

  private async addressThrottled(tx: Transaction, remoteAddress: string): Promise<boolean> {
    const failures = await this.audit.failedSignInsFrom(tx, remoteAddress, this.config.SIGN_IN_ADDRESS_WINDOW_SECONDS);
    return failures >= this.config.SIGN_IN_MAX_FAILURES_PER_ADDRESS;
  }
}
