import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class RequestPromotionCommand extends Command<{ requestId: string; workflowId: string; toStep: string }> {
  constructor(
    readonly workerId: string,
    readonly trackCode: string,
    readonly reason: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
