import type { RevisionedWorkflowInput } from './workflow-revision.js';

/**
 * Input of `meetingSummonsReviewWorkflow`: a meeting summons (会议通知) over the district's monthly allowance,
 * reviewed on the shared approval kit by a district admission reviewer (精简社区会议, seed 002).
 */
export interface MeetingSummonsReviewInput extends RevisionedWorkflowInput {
  summonsId: string;
  districtCode: string;
  departmentId: string;
  title: string;
  submittedBy: string;
  /** Working days the reviewer has before the summons lapses (expired: the meeting is not admitted). */
  reviewWorkingDays: number;
  /** The version of the district's `meetings` policy whose allowance the summons exceeded. */
  policyVersion: number;
  correlationId: string;
}

export const meetingSummonsReviewWorkflowType = 'meetingSummonsReviewWorkflow';
export const meetingSummonsSubjectType = 'meeting-summons';
export const meetingSummonsReviewStepId = 'meeting-review';
export const meetingSummonsReviewWorkflowId = (summonsId: string) => `meeting-summons-${summonsId}`;
