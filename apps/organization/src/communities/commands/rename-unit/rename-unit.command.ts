import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class RenameUnitCommand extends Command<{ code: string; name: string }> {
  constructor(
    readonly unitCode: string,
    readonly name: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
