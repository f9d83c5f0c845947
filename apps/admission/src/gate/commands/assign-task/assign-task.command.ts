import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityTaskStatus } from '../../domain/admitted-task.js';

/** A department assigns work to a community, naming the admitted task it claims (if any). */
export class AssignTaskCommand extends Command<{
  accepted: true;
  taskId: string;
  communityId: string;
  status: CommunityTaskStatus;
}> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
    readonly title: string,
    readonly taskId: string | undefined,
  ) {
    super();
  }
}
