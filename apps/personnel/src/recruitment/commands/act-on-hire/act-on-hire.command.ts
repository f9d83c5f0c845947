import { Command } from '@nestjs/cqrs';
import type { ApprovalActionKind, ApprovalActionResult } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';

export class ActOnHireCommand extends Command<ApprovalActionResult> {
  constructor(
    readonly postingId: string,
    readonly kind: ApprovalActionKind,
    readonly reason: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
