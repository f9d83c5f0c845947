import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../../audit/persistence/audit-log.repository.js';
import { PasswordHasher } from '../../../users/domain/password-hasher.js';
import { passwordWeakness } from '../../../users/domain/password-policy.js';
import { UsersRepository } from '../../../users/persistence/users.repository.js';
import { ChangeInitialPasswordCommand, type ChangeInitialPasswordOutcome } from './change-initial-password.command.js';

/** Replaces an initial password: it must meet the policy and differ from the one the administrator gave. */
@CommandHandler(ChangeInitialPasswordCommand)
export class ChangeInitialPasswordHandler implements ICommandHandler<ChangeInitialPasswordCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: ChangeInitialPasswordCommand): Promise<ChangeInitialPasswordOutcome> {
    const weakness = passwordWeakness(command.newPassword);
    if (weakness) return { changed: false, rule: `新密码至少 10 位，且须包含字母和数字（${weakness}）` };
    const newHash = await this.hasher.hash(command.newPassword);
    return this.transactions.run(async (tx) => {
      const user = await this.users.find(tx, command.userId, { lock: true });
      if (!user || user.status !== 'active') return { changed: false, rule: '账号不可用' };
      if (await this.hasher.verify(user.passwordHash, command.newPassword)) {
        return { changed: false, rule: '新密码不能与初始密码相同' };
      }
      await this.users.setPassword(tx, user.id, newHash, false);
      await this.audit.append(tx, {
        action: 'user.password-changed',
        actorId: user.id,
        userId: user.id,
        loginName: user.loginName,
        remoteAddress: command.remoteAddress,
        detail: { initial: true },
      });
      return { changed: true };
    });
  }
}
