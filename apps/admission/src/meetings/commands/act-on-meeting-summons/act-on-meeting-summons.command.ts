import { Command } from '@nestjs/cqrs';
import type { ApprovalActionKind, ApprovalActionResult } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';

/** An action on the review of a summons over the allowance (approve, reject, withdraw, transfer, …). */
export class ActOnMeetingSummonsCommand extends Command<ApprovalActionResult> {
  constructor(
    readonly actor: Principal,
    readonly summonsId: string,
    readonly kind: ApprovalActionKind,
    readonly details: {
      reason?: string;
      comment?: string;
      targetUserId?: string;
      targetRole?: string;
      slotId?: string;
    },
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
