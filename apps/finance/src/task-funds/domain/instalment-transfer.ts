import { randomUUID } from 'node:crypto';
import type { CommunityFunding } from '@jianfu/contracts';
import type { TaskFundingScheduleInput, TaskFundTransferInput } from '@jianfu/contracts/workflows';
import type { FundingInstalment } from './funding-instalments.js';
import type { TaskFundTransfer } from './task-fund-transfer.js';
import type { TaskFundingSchedule } from './task-funding-schedule.js';

/**
 * One instalment's transfer, as its schedule opens it: the row (a fresh transfer id, which a second open of
 * the same instalment ignores: the row is keyed by the task and the period) and then the input of its saga.
 * The schedule workflow's activity opens each instalment as its period comes; the admission handler opens the
 * only instalment of a schedule that has one, and starts its transfer itself.
 */
export function instalmentTransferRow(
  schedule: TaskFundingScheduleInput,
  stored: Pick<TaskFundingSchedule, 'submissionId' | 'admittedAt'>,
  instalment: FundingInstalment,
  funding: CommunityFunding[],
): Omit<TaskFundTransfer, 'state' | 'lastDecision' | 'failureCode' | 'failureReason' | 'updatedAt'> {
  return {
    taskId: schedule.taskId,
    transferId: randomUUID(),
    submissionId: stored.submissionId,
    title: schedule.title,
    departmentId: schedule.departmentId,
    districtCode: schedule.districtCode,
    budgetYear: schedule.budgetYear,
    funding,
    totalFen: funding.reduce((sum, line) => sum + line.amountFen, 0),
    correlationId: schedule.correlationId,
    admittedAt: stored.admittedAt,
    period: instalment.period,
    periodStart: instalment.start,
    periodEnd: instalment.end,
  };
}

export function instalmentTransferInput(
  schedule: TaskFundingScheduleInput,
  instalment: FundingInstalment,
  transfer: Pick<TaskFundTransfer, 'transferId' | 'funding' | 'totalFen'>,
): TaskFundTransferInput {
  return {
    taskId: schedule.taskId,
    transferId: transfer.transferId,
    title: `${schedule.title}（${instalment.period}）`,
    departmentId: schedule.departmentId,
    districtCode: schedule.districtCode,
    budgetYear: schedule.budgetYear,
    funding: transfer.funding,
    totalFen: transfer.totalFen,
    decisionWorkingDays: schedule.decisionWorkingDays,
    reminderAfterWorkingDays: schedule.reminderAfterWorkingDays,
    correlationId: schedule.correlationId,
    period: instalment.period,
    // The instalment's saga takes the patches its schedule took.
    ...(schedule.workflowRevision !== undefined ? { workflowRevision: schedule.workflowRevision } : {}),
  };
}
