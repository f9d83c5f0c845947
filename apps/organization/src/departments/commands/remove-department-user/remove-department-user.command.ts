import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class RemoveDepartmentUserCommand extends Command<void> {
  constructor(
    readonly departmentId: string,
    readonly userId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
