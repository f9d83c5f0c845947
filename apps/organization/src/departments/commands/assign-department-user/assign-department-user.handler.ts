import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DepartmentUserAssigned } from '@jianfu/contracts';
import { DomainError, EventPublisher, TransactionRunner } from '@jianfu/platform';
import { type DepartmentView, DepartmentsRepository } from '../../persistence/departments.repository.js';
import { departmentInDistrict } from '../../queries/get-department/department-in-district.js';
import { AssignDepartmentUserCommand } from './assign-department-user.command.js';
import { DepartmentErrors } from '../../domain/departments.errors.js';

/**
 * Puts a user on a department's staff, and announces it: the identity service then puts the department in the user's
 * tokens (scope.departmentId). Putting the same name and role again changes and announces nothing.
 */
@CommandHandler(AssignDepartmentUserCommand)
export class AssignDepartmentUserHandler implements ICommandHandler<AssignDepartmentUserCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentsRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: AssignDepartmentUserCommand): Promise<DepartmentView> {
    return this.transactions.run(async (tx) => {
      const department = await departmentInDistrict(this.departments, tx, command.departmentId, command.actor);
      const before = department.users.find((user) => user.userId === command.userId);
      if (before?.name === command.name && before.role === command.role) return department;
      const assigned = await this.departments.assignUser(tx, command.departmentId, {
        userId: command.userId,
        name: command.name,
        role: command.role,
      });
      if (!assigned) {
        throw DomainError.of(
          DepartmentErrors['department.user-elsewhere'],
          `User ${command.userId} already acts for another department; remove them there first`,
        );
      }
      await this.events.publish(tx, DepartmentUserAssigned, {
        aggregateId: command.userId,
        payload: {
          departmentId: command.departmentId,
          districtCode: department.districtCode,
          userId: command.userId,
          name: command.name,
          role: command.role,
          assignedAt: new Date().toISOString(),
        },
      });
      return (await this.departments.find(tx, command.departmentId))!;
    });
  }
}
