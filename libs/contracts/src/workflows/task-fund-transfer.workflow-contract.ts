import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CommunityFunding, FundingPeriod } from '../events/admission.events.js';
import type { RevisionedWorkflowInput } from './workflow-revision.js';

/**
 * Input of `taskFundTransferWorkflow` (费随事转), one workflow per admitted task. Its human steps run on
 * the shared approval kit (`@jianfu/approvals`): people act through its `actOnApproval` Update.
 */
export interface TaskFundTransferInput extends RevisionedWorkflowInput {
  taskId: string;
  /** The id finance reports in `TaskFundsDisbursed` / `TaskFundingFailed`. */
  transferId: string;
  title: string;
  departmentId: string;
  districtCode: string;
  /** The department's budget year the money comes from. */
  budgetYear: number;
  funding: CommunityFunding[];
  totalFen: number;
  /** Working days the finance officer (and, after a return, the department) has to act. */
  decisionWorkingDays: number;
  /**
   * The instalment this transfer pays when the task is funded per period (`2027-03`, `2027-Q1`, `2027`);
   * absent for a task funded once for its whole period. `funding` then holds this instalment's amounts.
   */
  period?: string;
  /**
   * The instalment is the only one of its schedule, and no schedule workflow runs over it: the admission
   * handler started this transfer itself, and the transaction that ends the transfer (paid or failed) marks
   * the schedule completed.
   */
  completesSchedule?: boolean;
  /** Working days after which the waiting party is reminded automatically. */
  reminderAfterWorkingDays: number;
  correlationId: string;
  /** The version of the district's `funding` policy the deadlines came from (absent before policies). */
  policyVersion?: number;
}

/** approve: pay; reject: refuse with a reason; return: send back to the department to confirm or correct. */
export type TaskFundDecisionAction = 'approve' | 'reject' | 'return';

export interface TaskFundDecision {
  action: TaskFundDecisionAction | 'resubmit' | 'deadline';
  reason?: string;
  actorId: string;
}

export type TaskFundTransferState =
  'reserving' | 'awaiting-decision' | 'returned' | 'disbursing' | 'disbursed' | 'failed';

export interface TaskFundTransferStatus {
  state: TaskFundTransferState;
  decisions: TaskFundDecision[];
  failure?: { code: string; reason: string };
}

export const taskFundTransferWorkflowType = 'taskFundTransferWorkflow';

/**
 * Derived from the task (and the instalment), so a redelivered TaskAdmitted event or a replayed schedule can
 * never start a second transfer of the same money.
 */
export function taskFundTransferWorkflowId(taskId: string, period?: string): string {
  return period ? `task-fund-transfer-${taskId}-${period}` : `task-fund-transfer-${taskId}`;
}

/** The idempotency key of one transfer: the task, or the task and the instalment's period. */
export function taskFundTransferKey(input: { taskId: string; period?: string }): string {
  return input.period ? `${input.taskId}:${input.period}` : input.taskId;
}

/** Input of `taskFundingScheduleWorkflow`: a recurring task funded per period, one instalment after another. */
export interface TaskFundingScheduleInput extends RevisionedWorkflowInput {
  taskId: string;
  title: string;
  departmentId: string;
  districtCode: string;
  budgetYear: number;
  /** Amounts per community for the whole period; each instalment pays its even share. */
  funding: CommunityFunding[];
  totalFen: number;
  periodStart: string;
  periodEnd: string;
  fundingPeriod: FundingPeriod;
  decisionWorkingDays: number;
  reminderAfterWorkingDays: number;
  correlationId: string;
  /** The version of the district's `funding` policy the deadlines came from (absent before policies). */
  policyVersion?: number;
}

export type TaskFundingScheduleState = 'running' | 'cancelled' | 'completed';

export interface TaskFundingScheduleStatus {
  state: TaskFundingScheduleState;
  /** Instalments whose transfer has started, in order, with how each ended (while running: undefined). */
  started: { period: string; outcome?: TaskFundTransferState }[];
  /** The next instalment and when (China midnight of its first day) its transfer starts. */
  next?: { period: string; startsAt: string };
}

export const taskFundingScheduleWorkflowType = 'taskFundingScheduleWorkflow';

export function taskFundingScheduleWorkflowId(taskId: string): string {
  return `task-funding-schedule-${taskId}`;
}

/** The task was cancelled: start no further instalment. */
export const cancelTaskFunding = defineSignal<[{ reason: string }]>('cancelTaskFunding');
export const taskFundingScheduleStatus = defineQuery<TaskFundingScheduleStatus>('taskFundingScheduleStatus');

/** The approval kit's step ids: finance decides in round n; after a return the department resubmits. */
export const taskFundApprovalStep = (round: number): string => `finance-approval-${round}`;
export const taskFundResubmissionStep = (round: number): string => `department-resubmission-${round}`;

export const taskFundTransferStatus = defineQuery<TaskFundTransferStatus>('taskFundTransferStatus');
