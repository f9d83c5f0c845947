import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApprovalAction, ApprovalActionKind, ApprovalStepStatus, StepState } from './approval-actions.js';

/** What an approval is about; copied onto every inbox item and audit entry. */
export interface ApprovalSubject {
  subjectType: string;
  subjectId: string;
  title: string;
  districtCode: string;
  departmentId?: string;
  submitterId: string;
  workflowId: string;
}

export type ApprovalEventAction = ApprovalActionKind | 'open' | 'escalate' | 'lapse' | 'auto-remind';

/** One change of one step, in order (`sequence` counts from 1 per workflow): what the audit trail records. */
export interface ApprovalEvent {
  subject: ApprovalSubject;
  sequence: number;
  stepId: string;
  action: ApprovalEventAction;
  /** `system` for automatic changes (opening, reminders, deadlines). */
  actorId: string;
  actorRole?: string;
  reason?: string;
  comment?: string;
  targetUserId?: string;
  at: string;
  stateBefore: StepState;
  stateAfter: StepState;
  step: ApprovalStepStatus;
}

export interface ApprovalActionResult {
  /** True when the action repeated one already taken; it had no effect. */
  duplicate: boolean;
  step: ApprovalStepStatus;
}

export interface ApprovalFlowStatus {
  steps: ApprovalStepStatus[];
  open?: string;
}

/** The one Update every approval workflow accepts for human actions. */
export const actOnApproval = defineUpdate<ApprovalActionResult, [ApprovalAction]>('actOnApproval');

/** Every step so far and the one open now. */
export const approvalStatus = defineQuery<ApprovalFlowStatus>('approvalStatus');
