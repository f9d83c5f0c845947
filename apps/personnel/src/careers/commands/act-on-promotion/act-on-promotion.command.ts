import { Command } from '@nestjs/cqrs';
import type { ApprovalActionKind, ApprovalActionResult } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';

export class ActOnPromotionCommand extends Command<ApprovalActionResult> {
  constructor(
    readonly requestId: string,
    readonly kind: ApprovalActionKind,
    readonly reason: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
