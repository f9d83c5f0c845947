import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DepartmentCreated } from '@jianfu/contracts';
import { DomainError, EventPublisher, TransactionRunner } from '@jianfu/platform';
import { DepartmentsRepository } from '../../persistence/departments.repository.js';
import { CreateDepartmentCommand } from './create-department.command.js';
import { DepartmentErrors } from '../../domain/departments.errors.js';

/** Registers a functional department of the actor's district and announces it (admission, finance). */
@CommandHandler(CreateDepartmentCommand)
export class CreateDepartmentHandler implements ICommandHandler<CreateDepartmentCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentsRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: CreateDepartmentCommand): Promise<{ departmentId: string }> {
    const departmentId = randomUUID();
    const districtCode = command.actor.scope.districtCode;
    await this.transactions.run(async (tx) => {
      const inserted = await this.departments.insert(tx, {
        id: departmentId,
        code: command.code,
        name: command.name,
        districtCode,
      });
      if (!inserted) {
        throw DomainError.of(
          DepartmentErrors['department.code-taken'],
          `A department with code ${command.code} already exists`,
        );
      }
      await this.events.publish(tx, DepartmentCreated, {
        aggregateId: departmentId,
        payload: { departmentId, code: command.code, name: command.name, districtCode },
      });
    });
    return { departmentId };
  }
}
