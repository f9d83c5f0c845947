import { Command } from '@nestjs/cqrs';
import type { ApprovalActionResult } from '@jianfu/approvals';
import type { Principal } from '@jianfu/platform';

export class ResubmitTaskFundTransferCommand extends Command<ApprovalActionResult> {
  constructor(
    readonly taskId: string,
    readonly note: string | undefined,
    readonly actor: Principal,
    /** The instalment resubmitted, for a task funded per period; absent: the task's latest transfer. */
    readonly period?: string,
  ) {
    super();
  }
}
