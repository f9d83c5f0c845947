import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { DepartmentsRepository } from '../../persistence/departments.repository.js';
import { departmentInDistrict } from '../../queries/get-department/department-in-district.js';
import { RemoveDepartmentUserCommand } from './remove-department-user.command.js';

@CommandHandler(RemoveDepartmentUserCommand)
export class RemoveDepartmentUserHandler implements ICommandHandler<RemoveDepartmentUserCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentsRepository,
  ) {}

  async execute(command: RemoveDepartmentUserCommand): Promise<void> {
    await this.transactions.run(async (tx) => {
      await departmentInDistrict(this.departments, tx, command.departmentId, command.actor);
      if (!(await this.departments.removeUser(tx, command.departmentId, command.userId))) {
        throw new NotFoundError('department-user', command.userId);
      }
    });
  }
}
