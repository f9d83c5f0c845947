import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class RequestCycleClosingCommand extends Command<{ workflowId: string; attempt: number }> {
  constructor(
    readonly cycleId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
