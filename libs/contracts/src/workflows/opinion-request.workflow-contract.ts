import { defineQuery } from '@temporalio/workflow';
import type { OpinionPurpose, OpinionSubjectKind } from '../events/organization.events.js';
import type { RevisionedWorkflowInput } from './workflow-revision.js';

/**
 * Input of `opinionRequestWorkflow`, one per opinion request (征求意见 / 进社区双公示): the publicity window runs as
 * one approval-kit step whose reviewers are the asked communities' party organisations, lapsing after
 * `windowWorkingDays` on the district's working-day calendar.
 */
export interface OpinionRequestInput extends RevisionedWorkflowInput {
  requestId: string;
  districtCode: string;
  subjectKind: OpinionSubjectKind;
  subjectId: string;
  subjectName: string;
  purpose: OpinionPurpose;
  communityIds: string[];
  windowWorkingDays: number;
  requestedBy: string;
  correlationId: string;
}

/** `publicising` during the window; `window-closed` once it ended (unanswered communities lapse to no opinion). */
export type OpinionRequestWorkflowState = 'publicising' | 'window-closed' | 'withdrawn';

export const opinionRequestWorkflowType = 'opinionRequestWorkflow';
export const opinionRequestSubjectType = 'opinion-request';
export const opinionRequestStepId = 'community-opinions';

export function opinionRequestWorkflowId(requestId: string): string {
  return `opinion-request-${requestId}`;
}

export const opinionRequestState = defineQuery<OpinionRequestWorkflowState>('opinionRequestState');
