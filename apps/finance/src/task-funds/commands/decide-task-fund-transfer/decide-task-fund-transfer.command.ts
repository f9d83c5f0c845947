import { Command } from '@nestjs/cqrs';
import type { ApprovalActionResult } from '@jianfu/approvals';
import type { TaskFundDecisionAction } from '@jianfu/contracts/workflows';
import type { Principal } from '@jianfu/platform';

export class DecideTaskFundTransferCommand extends Command<ApprovalActionResult | TaskFundDecisionRepeated> {
  constructor(
    readonly taskId: string,
    readonly action: TaskFundDecisionAction,
    readonly reason: string | undefined,
    readonly actor: Principal,
    /** The client's Idempotency-Key; a repeated decision with the same key returns the first result. */
    readonly idempotencyKey: string | undefined,
    /** The instalment decided, for a task funded per period; absent: the task's latest transfer. */
    readonly period?: string,
  ) {
    super();
  }
}

/** The answer to an officer repeating the decision that already moved the transfer on. */
export interface TaskFundDecisionRepeated {
  duplicate: true;
  state: string;
}
