import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../../audit/persistence/audit-log.repository.js';
import { sameScope } from '../../domain/user.js';
import { assertScopeInDistrict, assertUserInDistrict } from '../../domain/user-in-district.js';
import { type UserView, userView } from '../../domain/user-view.js';
import { UserErrors } from '../../domain/users.errors.js';
import { DepartmentMembershipsRepository } from '../../persistence/department-memberships.repository.js';
import { UsersRepository } from '../../persistence/users.repository.js';
import { AssignRoleCommand } from './assign-role.command.js';

@CommandHandler(AssignRoleCommand)
export class AssignRoleHandler implements ICommandHandler<AssignRoleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: DepartmentMembershipsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: AssignRoleCommand): Promise<UserView> {
    assertScopeInDistrict(command.actor, command.scope);
    return this.transactions.run(async (tx) => {
      const user = await this.users.find(tx, command.userId, { lock: true });
      if (!user) throw DomainError.of(UserErrors['user.not-found'], `User ${command.userId} does not exist`);
      const current = await this.users.activeAssignments(tx, user.id);
      assertUserInDistrict(command.actor, current);
      // A token carries one organisation scope, so every role a user holds applies within the same scope.
      if (current.some((assignment) => !sameScope(assignment.scope, command.scope))) {
        throw DomainError.of(
          UserErrors['assignment.scope-conflict'],
          'scope: the user’s other roles apply within another organisation scope',
          { field: 'scope' },
        );
      }
      const assignment = {
        id: randomUUID(),
        userId: user.id,
        role: command.role,
        scope: command.scope,
        assignedBy: command.actor.userId,
        assignedAt: new Date(),
      };
      if (!(await this.users.insertAssignment(tx, assignment))) {
        throw DomainError.of(UserErrors['assignment.role-taken'], `role: the user already holds ${command.role}`, {
          field: 'role',
        });
      }
      await this.audit.append(tx, {
        action: 'role.assigned',
        actorId: command.actor.userId,
        districtCode: command.actor.scope.districtCode,
        userId: user.id,
        loginName: user.loginName,
        remoteAddress: null,
        detail: { assignmentId: assignment.id, role: command.role, scope: command.scope },
      });
      return userView(user, await this.users.activeAssignments(tx, user.id), await this.memberships.find(tx, user.id));
    });
  }
}
