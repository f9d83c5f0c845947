import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../../audit/persistence/audit-log.repository.js';
import { assertUserInDistrict } from '../../domain/user-in-district.js';
import { type UserView, userView } from '../../domain/user-view.js';
import { UserErrors } from '../../domain/users.errors.js';
import { DepartmentMembershipsRepository } from '../../persistence/department-memberships.repository.js';
import { UsersRepository } from '../../persistence/users.repository.js';
import { SetUserStatusCommand } from './set-user-status.command.js';

/** Setting the status a user already has changes nothing and logs nothing (a retried request has one effect). */
@CommandHandler(SetUserStatusCommand)
export class SetUserStatusHandler implements ICommandHandler<SetUserStatusCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: DepartmentMembershipsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: SetUserStatusCommand): Promise<UserView> {
    return this.transactions.run(async (tx) => {
      const user = await this.users.find(tx, command.userId, { lock: true });
      if (!user) throw DomainError.of(UserErrors['user.not-found'], `User ${command.userId} does not exist`);
      const assignments = await this.users.activeAssignments(tx, user.id);
      assertUserInDistrict(command.actor, assignments);
      if (user.status !== command.status) {
        await this.users.setStatus(tx, user.id, command.status);
        await this.audit.append(tx, {
          action: command.status === 'disabled' ? 'user.disabled' : 'user.enabled',
          actorId: command.actor.userId,
          districtCode: command.actor.scope.districtCode,
          userId: user.id,
          loginName: user.loginName,
          remoteAddress: null,
          detail: {},
        });
      }
      return userView({ ...user, status: command.status }, assignments, await this.memberships.find(tx, user.id));
    });
  }
}
