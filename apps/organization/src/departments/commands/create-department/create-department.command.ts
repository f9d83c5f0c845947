import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class CreateDepartmentCommand extends Command<{ departmentId: string }> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
