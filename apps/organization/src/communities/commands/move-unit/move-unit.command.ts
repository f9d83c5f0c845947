import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class MoveUnitCommand extends Command<{ code: string; parentCode: string }> {
  constructor(
    readonly unitCode: string,
    readonly newParentCode: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
