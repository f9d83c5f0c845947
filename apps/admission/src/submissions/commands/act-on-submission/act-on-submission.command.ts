import { Command } from '@nestjs/cqrs';
import type { ApprovalActionKind, ApprovalActionResult } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';

/** A human action on a submission's review; `resubmit` is the submitter's approval of the amendment step. */
export class ActOnSubmissionCommand extends Command<ApprovalActionResult> {
  constructor(
    readonly submissionId: string,
    readonly kind: ApprovalActionKind | 'resubmit',
    readonly details: {
      reason?: string;
      targetUserId?: string;
      targetRole?: string;
      comment?: string;
      slotId?: string;
    },
    readonly actor: Principal,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
