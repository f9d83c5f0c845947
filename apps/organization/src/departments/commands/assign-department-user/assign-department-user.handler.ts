import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { type DepartmentView, DepartmentsRepository } from '../../persistence/departments.repository.js';
import { departmentInDistrict } from '../../queries/get-department/department-in-district.js';
import { AssignDepartmentUserCommand } from './assign-department-user.command.js';
import { DepartmentErrors } from '../../domain/departments.errors.js';

/** Puts a user on a department's staff; the user's token then carries scope.departmentId. */
@CommandHandler(AssignDepartmentUserCommand)
export class AssignDepartmentUserHandler implements ICommandHandler<AssignDepartmentUserCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentsRepository,
  ) {}

  async execute(command: AssignDepartmentUserCommand): Promise<DepartmentView> {
    return this.transactions.run(async (tx) => {
      await departmentInDistrict(this.departments, tx, command.departmentId, command.actor);
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
      return (await this.departments.find(tx, command.departmentId))!;
    });
  }
}
