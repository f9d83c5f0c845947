import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DepartmentUserRemoved } from '@jianfu/contracts';
import { EventPublisher, NotFoundError, TransactionRunner } from '@jianfu/platform';
import { DepartmentsRepository } from '../../persistence/departments.repository.js';
import { departmentInDistrict } from '../../queries/get-department/department-in-district.js';
import { RemoveDepartmentUserCommand } from './remove-department-user.command.js';

/** Takes a user off a department's staff, and announces it (the identity service drops it from their tokens). */
@CommandHandler(RemoveDepartmentUserCommand)
export class RemoveDepartmentUserHandler implements ICommandHandler<RemoveDepartmentUserCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentsRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: RemoveDepartmentUserCommand): Promise<void> {
    await this.transactions.run(async (tx) => {
      const department = await departmentInDistrict(this.departments, tx, command.departmentId, command.actor);
      if (!(await this.departments.removeUser(tx, command.departmentId, command.userId))) {
        throw new NotFoundError('department-user', command.userId);
      }
      await this.events.publish(tx, DepartmentUserRemoved, {
        aggregateId: command.userId,
        payload: {
          departmentId: command.departmentId,
          districtCode: department.districtCode,
          userId: command.userId,
          removedAt: new Date().toISOString(),
        },
      });
    });
  }
}
