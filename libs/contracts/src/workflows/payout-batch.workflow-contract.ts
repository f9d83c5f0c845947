import type { RevisionedWorkflowInput } from './workflow-revision.js';

/** Input of `payoutBatchWorkflow`: finance approves one batch of bonuses or an award before it is paid. */
export interface PayoutBatchInput extends RevisionedWorkflowInput {
  batchId: string;
  title: string;
  districtCode: string;
  communityId: string;
  totalFen: number;
  /** Working days finance has to decide before the batch lapses. */
  decisionWorkingDays: number;
  /** The version of the district's `funding` policy the deadline came from (absent before policies). */
  policyVersion?: number;
}

export type PayoutBatchOutcome = 'paid' | 'rejected' | 'expired';

export const payoutBatchWorkflowType = 'payoutBatchWorkflow';

/** Derived from the batch (itself derived from the personnel event), so a redelivery starts nothing. */
export function payoutBatchWorkflowId(batchId: string): string {
  return `payout-batch-${batchId}`;
}
