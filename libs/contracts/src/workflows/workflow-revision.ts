import { patched } from '@temporalio/workflow';

/**
 * The revision of the platform's workflow code a workflow starts under, written into its input by whoever starts
 * it. A workflow started at a revision takes every patch settled by that revision without asking `patched()`:
 * each such call records a marker and, in this SDK, upserts `TemporalChangeVersion` (a history event and a
 * visibility write per patch, on every new workflow, for the rest of the platform's life). The input is in the
 * workflow's history, so the branch it takes replays the same; workflows started before revisions existed carry
 * none and still ask `patched()`, replaying as recorded. A change made at a revision (no patch at all) asks
 * `startedAtRevision`.
 *
 * Raising the number: settle the patches of the new revision below, write the new branches behind
 * `startedAtRevision(input, n)`, and deploy the workers before the services that start workflows at it (as for
 * any new input field: an older worker would not know the field).
 */
export const currentWorkflowRevision = 5;

/*
 * What each revision changed without a patch (`startedAtRevision(input, n)`):
 * 2. An approval step opening minutes after the step before it reuses the working-day calendar that step loaded
 *    (`@jianfu/approvals`, `calendarReuseRevision`).
 * 3. The events closing a step that leads on to the next are projected with the next step's opening, in one local
 *    activity (`@jianfu/approvals`, `runSteps`; the submission review); the review's pre-check hands the street
 *    review its working-day calendar (`ApprovalFlow.useCalendar`); a task fund transfer of one payment group records
 *    its decision, pays and confirms in one local activity (`settleTaskFunds`).
 * 4. A task fund transfer's reservation hands the finance decision its working-day calendar
 *    (`ApprovalFlow.useCalendar`).
 * 5. An owner's effect that follows a decision stores that decision in its own transaction (`@jianfu/approvals`,
 *    `ApprovalFlow.projectWith`): the review's admission stores the committee's approval, a transfer's settlement the
 *    finance approval; a transfer's reservation records the state awaiting the decision.
 */

/** The revision that settled each patch: from it on, new workflows take the patched branch without a marker. */
const patchesSettledAt: Readonly<Record<string, number>> = {
  'review-activities-local': 1,
  'review-slots-scoped': 1,
  'approvals-working-day-calendar-from-database': 1,
  'approvals-step-search-attribute': 1,
  'approvals-local-batched-projection': 1,
  'approvals-child-search-attributes': 1,
  'task-funds-local-activities': 1,
};

/** The input field that carries the revision; absent in every workflow started before revisions existed. */
export interface RevisionedWorkflowInput {
  workflowRevision?: number;
}

/** Whether the workflow of this input started at `revision` or later (deterministic: the input is recorded). */
export function startedAtRevision(input: RevisionedWorkflowInput | undefined, revision: number): boolean {
  return (input?.workflowRevision ?? 0) >= revision;
}

/** `patched(patchId)`, answered without a marker for a workflow started at or after the revision that settled it. */
export function takesPatch(input: RevisionedWorkflowInput | undefined, patchId: string): boolean {
  const settledAt = patchesSettledAt[patchId];
  return (settledAt !== undefined && startedAtRevision(input, settledAt)) || patched(patchId);
}
