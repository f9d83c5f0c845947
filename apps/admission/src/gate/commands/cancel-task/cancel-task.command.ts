import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

/** Cancels an admitted task, with the reason: its department or a reviewer of its district. */
export class CancelTaskCommand extends Command<{
  taskId: string;
  status: 'cancelled';
  cancelledAt: Date;
  reason: string;
  duplicate: boolean;
}> {
  constructor(
    readonly actor: Principal,
    readonly taskId: string,
    readonly reason: string,
  ) {
    super();
  }
}
