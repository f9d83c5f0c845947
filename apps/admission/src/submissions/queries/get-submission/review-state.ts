import type { Submission } from '../../domain/submission.js';
import {
  reviewStepIds,
  type TaskAdmissionState,
  type TaskAdmissionStatus,
} from '../../workflows/task-admission.contract.js';

/**
 * Where a running review stands, read from the database instead of asked of the workflow: the submission's
 * status and round, and the review step open now (its approval inbox rows, which the workflow's projection writes
 * in the workflow task that opens or closes the step, before an action on it can be accepted). A submission in
 * review with no step open is being pre-checked (the review's first workflow task, or a new round's). Null when no
 * review runs. The pre-check is shown once its round has a step open or is returned, as the workflow shows it.
 */
export function reviewStateOf(
  submission: Pick<Submission, 'workflowId' | 'status' | 'round' | 'precheck'>,
  openStepIds: readonly string[],
): TaskAdmissionStatus | null {
  if (!submission.workflowId || !['in-review', 'returned'].includes(submission.status)) return null;
  const { round } = submission;
  const ids = reviewStepIds(round);
  const states: [stepId: string, state: TaskAdmissionState][] = [
    [ids.streetReview, 'street-review'],
    [ids.consultation, 'consultation'],
    [ids.committee, 'committee'],
    [ids.amendment, 'returned'],
  ];
  const open = states.find(([stepId]) => openStepIds.includes(stepId));
  const state: TaskAdmissionState = submission.status === 'returned' ? 'returned' : (open?.[1] ?? 'prechecking');
  return {
    state,
    round,
    ...(open ? { openStepId: open[0] } : {}),
    ...(state !== 'prechecking' && submission.precheck ? { precheck: submission.precheck } : {}),
  };
}
