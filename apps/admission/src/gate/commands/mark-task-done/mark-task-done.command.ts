import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

/** The community reports a dispatched task done (办结). */
export class MarkTaskDoneCommand extends Command<{ taskId: string; communityId: string; status: 'done' }> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
    readonly taskId: string,
  ) {
    super();
  }
}
