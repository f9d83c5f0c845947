import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { DepartmentView } from '../../persistence/departments.repository.js';

export class AssignDepartmentUserCommand extends Command<DepartmentView> {
  constructor(
    readonly departmentId: string,
    readonly userId: string,
    readonly name: string,
    readonly role: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
