import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../../audit/persistence/audit-log.repository.js';
import { assertUserInDistrict } from '../../domain/user-in-district.js';
import { type UserView, userView } from '../../domain/user-view.js';
import { UserErrors } from '../../domain/users.errors.js';
import { DepartmentMembershipsRepository } from '../../persistence/department-memberships.repository.js';
import { UsersRepository } from '../../persistence/users.repository.js';
import { RevokeRoleAssignmentCommand } from './revoke-role-assignment.command.js';

@CommandHandler(RevokeRoleAssignmentCommand)
export class RevokeRoleAssignmentHandler implements ICommandHandler<RevokeRoleAssignmentCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: DepartmentMembershipsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: RevokeRoleAssignmentCommand): Promise<UserView> {
    return this.transactions.run(async (tx) => {
      const user = await this.users.find(tx, command.userId, { lock: true });
      if (!user) throw DomainError.of(UserErrors['user.not-found'], `User ${command.userId} does not exist`);
      const current = await this.users.activeAssignments(tx, user.id);
      assertUserInDistrict(command.actor, current);
      const revoked = current.find((assignment) => assignment.id === command.assignmentId);
      if (!revoked || !(await this.users.revokeAssignment(tx, user.id, revoked.id, command.actor.userId))) {
        throw DomainError.of(
          UserErrors['assignment.not-found'],
          `The user has no active assignment ${command.assignmentId}`,
        );
      }
      await this.audit.append(tx, {
        action: 'role.revoked',
        actorId: command.actor.userId,
        districtCode: command.actor.scope.districtCode,
        userId: user.id,
        loginName: user.loginName,
        remoteAddress: null,
        detail: { assignmentId: revoked.id, role: revoked.role, scope: revoked.scope },
      });
      return userView(user, await this.users.activeAssignments(tx, user.id), await this.memberships.find(tx, user.id));
    });
  }
}
