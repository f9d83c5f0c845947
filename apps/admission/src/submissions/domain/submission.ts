import type { FundingPeriod } from '@jianfu/contracts';
import type { PrecheckResult } from './precheck-rules.js';

export type SubmissionStatus = 'draft' | 'in-review' | 'returned' | 'admitted' | 'rejected' | 'withdrawn' | 'expired';

export type SubmissionTarget =
  { mode: 'all' } | { mode: 'street'; streetCode: string } | { mode: 'communities'; communityIds: string[] };

export interface Attachment {
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256?: string;
}

/** What a department fills in; kept per round so the history shows every version. */
export interface SubmissionContent {
  title: string;
  description: string;
  legalBasis: string | null;
  catalogueItemCode: string | null;
  /** The department's administrative power item (权力清单) the work rests on, if it names one. */
  powerItemCode: string | null;
  target: SubmissionTarget;
  recurrence: 'one-off' | 'recurring';
  periodStart: string;
  periodEnd: string;
  /** The department budget year that pays for the task; defaults to the year of `periodStart`. */
  budgetYear: number;
  requiredLedgers: string[];
  evaluation: string | null;
  fundingPerCommunityFen: number;
  /**
   * One-off work the department declares needs no money (无经费事项): only with 0 fen, and then it is
   * dispatched at admission with no fund transfer.
   */
  unfunded: boolean;
  /**
   * Recurring work is funded per period (按期拨付): each month, quarter or year its own instalment and transfer
   * (default a year). Null for one-off work, funded once.
   */
  fundingPeriod: FundingPeriod | null;
  attachments: Attachment[];
}

export interface Submission extends SubmissionContent {
  id: string;
  districtCode: string;
  departmentId: string;
  submitterId: string;
  status: SubmissionStatus;
  round: number;
  catalogueVersion: number | null;
  targetCommunityIds: string[];
  precheck: PrecheckResult | null;
  workflowId: string | null;
  outcomeReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  firstSubmittedAt: Date | null;
  decidedAt: Date | null;
}

export const editableStatuses: readonly SubmissionStatus[] = ['draft', 'returned'];

export function taskAdmissionWorkflowId(submissionId: string): string {
  return `task-admission-${submissionId}`;
}
