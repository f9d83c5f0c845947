import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class CreateGridCommand extends Command<{ gridId: string }> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly communityCode: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
