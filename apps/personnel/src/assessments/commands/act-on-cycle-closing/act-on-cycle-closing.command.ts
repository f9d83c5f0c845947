import { Command } from '@nestjs/cqrs';
import type { ApprovalActionResult } from '@jianfu/approvals';
import type { ApprovalActionKind } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';

export class ActOnCycleClosingCommand extends Command<ApprovalActionResult> {
  constructor(
    readonly cycleId: string,
    readonly kind: ApprovalActionKind,
    readonly reason: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
