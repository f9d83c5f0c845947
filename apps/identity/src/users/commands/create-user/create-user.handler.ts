import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../../audit/persistence/audit-log.repository.js';
import { PasswordHasher } from '../../domain/password-hasher.js';
import { passwordWeakness } from '../../domain/password-policy.js';
import { type UserView, userView } from '../../domain/user-view.js';
import { UserErrors } from '../../domain/users.errors.js';
import { DepartmentMembershipsRepository } from '../../persistence/department-memberships.repository.js';
import { UsersRepository } from '../../persistence/users.repository.js';
import { CreateUserCommand } from './create-user.command.js';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: DepartmentMembershipsRepository,
    private readonly audit: AuditLogRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateUserCommand): Promise<UserView> {
    const weakness = passwordWeakness(command.initialPassword);
    if (weakness) {
      throw DomainError.of(UserErrors['user.password-too-weak'], `initialPassword: needs ${weakness}`, {
        field: 'initialPassword',
      });
    }
    const passwordHash = await this.hasher.hash(command.initialPassword);
    const id = randomUUID();
    return this.transactions.run(async (tx) => {
      const inserted = await this.users.insert(tx, {
        id,
        loginName: command.loginName,
        displayName: command.displayName,
        phone: command.phone,
        passwordHash,
        mustChangePassword: true,
      });
      if (!inserted) {
        throw DomainError.of(UserErrors['user.login-name-taken'], `loginName: ${command.loginName} is taken`, {
          field: 'loginName',
        });
      }
      await this.audit.append(tx, {
        action: 'user.created',
        actorId: command.actor.userId,
        districtCode: command.actor.scope.districtCode,
        userId: id,
        loginName: command.loginName,
        remoteAddress: null,
        detail: { displayName: command.displayName, phone: command.phone },
      });
      const user = await this.users.find(tx, id);
      return userView(user!, [], await this.memberships.find(tx, user!.id));
    });
  }
}
