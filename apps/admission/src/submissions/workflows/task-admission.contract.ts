import { defineQuery } from '@temporalio/workflow';
import type { CompletionRule, StepDeadlineSpec } from '@jianfu/approvals/workflow';
import type { RevisionedWorkflowInput } from '@jianfu/contracts/workflows';
import type { PrecheckResult } from '../domain/precheck-rules.js';

/** Deadlines and rules of one review, fixed when it starts (from the service's configuration). */
export interface TaskAdmissionSettings {
  streetReview: StepDeadlineSpec;
  consultation: { completion: CompletionRule; deadline: StepDeadlineSpec };
  committee: StepDeadlineSpec;
  amendmentWorkingDays: number;
  maxReminders: number;
}

export interface TaskAdmissionInput extends RevisionedWorkflowInput {
  submissionId: string;
  districtCode: string;
  departmentId: string;
  submitterId: string;
  title: string;
  settings: TaskAdmissionSettings;
  correlationId: string;
  /** The version of the district's `review` policy the settings came from (absent before policies). */
  policyVersion?: number;
}

export type TaskAdmissionState =
  | 'prechecking'
  | 'street-review'
  | 'consultation'
  | 'committee'
  | 'returned'
  | 'admitted'
  | 'rejected'
  | 'withdrawn'
  | 'expired';

export interface TaskAdmissionStatus {
  state: TaskAdmissionState;
  round: number;
  openStepId?: string;
  precheck?: PrecheckResult;
}

export const taskAdmissionStatus = defineQuery<TaskAdmissionStatus>('taskAdmissionStatus');

/** The step ids of a round, so the API can address the step a human acts on. */
export const reviewStepIds = (round: number) => ({
  streetReview: `street-review-${round}`,
  consultation: `consultation-${round}`,
  committee: `committee-${round}`,
  amendment: `amendment-${round}`,
});
