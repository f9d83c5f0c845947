import type { Submission } from '../domain/submission.js';

/**
 * A submission as the API answers it. `target` is the one statement of what the department targets, in the
 * shape it was sent (`{mode, streetCode?, communityIds?}`); `resolvedCommunityIds` is what that target named
 * at the last pre-check (active communities of the district; the ones consulted and funded), or null before.
 */
export type SubmissionResponse = Omit<Submission, 'targetCommunityIds'> & { resolvedCommunityIds: string[] | null };

export function toSubmissionResponse(submission: Submission): SubmissionResponse {
  const { targetCommunityIds, ...rest } = submission;
  return { ...rest, resolvedCommunityIds: submission.precheck ? targetCommunityIds : null };
}
