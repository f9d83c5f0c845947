import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RevisionedWorkflowInput } from './workflow-revision.js';

/**
 * Personnel's approval workflows. Human approval actions arrive through the shared approval kit's
 * `actOnApproval` Update; recruitment's stage moves have their own Update below.
 */

/** Input of `assessmentCycleClosingWorkflow`, one workflow per request to close a cycle. */
export interface AssessmentCycleClosingInput extends RevisionedWorkflowInput {
  cycleId: string;
  attempt: number;
  title: string;
  districtCode: string;
  streetCode: string;
  requestedBy: string;
  deadlineWorkingDays: number;
  correlationId: string;
  /**
   * The district's `assessment` policy the cycle was opened under, carried from the start so the settlement
   * pays by it whatever is published meanwhile. Absent in workflows started before policies existed.
   */
  policy?: AssessmentClosingPolicy;
}

/** What a closing settles by: the policy version, its bonus table for the cycle's kind (fen) and its rule. */
export interface AssessmentClosingPolicy {
  version: number;
  bonusFen: { qualified: number; good: number; excellent: number };
  /** `table-at-settlement`: the version in force when the closing is approved pays instead. */
  openCyclePaysBy: 'table-at-opening' | 'table-at-settlement';
}

export const assessmentCycleClosingWorkflowType = 'assessmentCycleClosingWorkflow';

export function assessmentCycleClosingWorkflowId(cycleId: string, attempt: number): string {
  return `assessment-cycle-closing-${cycleId}-${attempt}`;
}

/** Input of `promotionWorkflow`, one per promotion request. */
export interface PromotionInput extends RevisionedWorkflowInput {
  requestId: string;
  workerId: string;
  workerName: string;
  trackCode: string;
  fromStep: string;
  toStep: string;
  districtCode: string;
  streetCode: string;
  requestedBy: string;
  deadlineWorkingDays: number;
  correlationId: string;
}

export const promotionWorkflowType = 'promotionWorkflow';

export function promotionWorkflowId(requestId: string): string {
  return `promotion-${requestId}`;
}

/** The approval steps of a promotion: the street party committee, then the district organisation department. */
export const promotionSteps = { streetReview: 'street-review', districtDecision: 'district-decision' } as const;

/** Input of `recruitmentWorkflow`, one per posting. */
export interface RecruitmentInput extends RevisionedWorkflowInput {
  postingId: string;
  title: string;
  districtCode: string;
  openedBy: string;
  deadlineWorkingDays: number;
  correlationId: string;
}

export const recruitmentWorkflowType = 'recruitmentWorkflow';

export function recruitmentWorkflowId(postingId: string): string {
  return `recruitment-${postingId}`;
}

/** Stages of a recruitment, in order; leaving `inspection` ranks the candidates for the hire approval. */
export const recruitmentStages = [
  'accepting-applications',
  'written-exam',
  'interview',
  'inspection',
  'hire-approval',
  'hired',
  'rejected',
  'expired',
] as const;

export type RecruitmentStage = (typeof recruitmentStages)[number];

export interface AdvanceRecruitment {
  /** The stage being closed; a stale move (someone else moved first) is refused. */
  from: RecruitmentStage;
  actorId: string;
}

export interface RecruitmentStatus {
  stage: RecruitmentStage;
}

/** HR closes the current stage (applications, written exam, interview, inspection) and opens the next. */
export const advanceRecruitment = defineUpdate<RecruitmentStatus, [AdvanceRecruitment]>('advanceRecruitment');

export const recruitmentStatus = defineQuery<RecruitmentStatus>('recruitmentStatus');

/**
 * Input of `cadreReviewCycleApprovalWorkflow`, one per proposal of a street's annual cadre review: the street
 * committee proposed the results computed from the collected evidence; the district organisation department
 * approves, rejects or returns them for amendment.
 */
export interface CadreReviewCycleApprovalInput extends RevisionedWorkflowInput {
  cycleId: string;
  round: number;
  title: string;
  districtCode: string;
  streetCode: string;
  year: number;
  proposedBy: string;
  deadlineWorkingDays: number;
  correlationId: string;
}

export const cadreReviewCycleApprovalWorkflowType = 'cadreReviewCycleApprovalWorkflow';

export function cadreReviewCycleApprovalWorkflowId(cycleId: string, round: number): string {
  return `cadre-review-cycle-${cycleId}-${round}`;
}
