import { Command } from '@nestjs/cqrs';
import type { ApprovalActionResult } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';
import type { ApproverActionKind } from '../../../approvals/approval-action.request.js';

export class ActOnCadreReviewProposalCommand extends Command<ApprovalActionResult> {
  constructor(
    readonly cycleId: string,
    readonly kind: ApproverActionKind,
    readonly reason: string | undefined,
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
