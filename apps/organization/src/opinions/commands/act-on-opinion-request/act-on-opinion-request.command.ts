import { Command } from '@nestjs/cqrs';
import type { ApprovalStepResponse } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';

export class ActOnOpinionRequestCommand extends Command<{ duplicate: boolean; step: ApprovalStepResponse }> {
  constructor(
    readonly requestId: string,
    readonly action: 'withdraw' | 'remind',
    readonly reason: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
