import { defineQuery } from '@temporalio/workflow';
import type { CommunityFunding } from '../events/admission.events.js';

/**
 * Input of `taskFundTransferWorkflow` (费随事转), one workflow per admitted task. Its human steps run on
 * the shared approval kit (`@jianfu/approvals`): people act through its `actOnApproval` Update.
 */
export interface TaskFundTransferInput {
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
  /** Working days after which the waiting party is reminded automatically. */
  reminderAfterWorkingDays: number;
  correlationId: string;
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

/** Derived from the task, so a redelivered TaskAdmitted event can never start a second transfer. */
export function taskFundTransferWorkflowId(taskId: string): string {
  return `task-fund-transfer-${taskId}`;
}

/** The approval kit's step ids: finance decides in round n; after a return the department resubmits. */
export const taskFundApprovalStep = (round: number): string => `finance-approval-${round}`;
export const taskFundResubmissionStep = (round: number): string => `department-resubmission-${round}`;

export const taskFundTransferStatus = defineQuery<TaskFundTransferStatus>('taskFundTransferStatus');
