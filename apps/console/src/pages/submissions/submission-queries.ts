import type { QueryKey } from '@tanstack/react-query';
import type { components } from '../../api/generated/admission';
import { api, unwrap } from '../../api/http';
import { useFollowChanges } from '../../api/use-follow-changes';

export const submissionQuery = (submissionId: string) => ({
  queryKey: ['submission', submissionId],
  queryFn: () => unwrap(api.admission.GET('/submissions/{submissionId}', { params: { path: { submissionId } } })),
});

export const historyQuery = (submissionId: string) => ({
  queryKey: ['submission', submissionId, 'history'],
  queryFn: () =>
    unwrap(api.admission.GET('/submissions/{submissionId}/history', { params: { path: { submissionId } } })),
});

/**
 * Keeps a submission current while a view shows it: a step opening, a decision or the task's funding shows as soon
 * as admission commits it, without a reload. Its timeline (and whatever `alsoStale` names) is read again each time.
 */
export function useFollowSubmission(
  submissionId: string,
  options: { alsoStale?: QueryKey[]; enabled?: boolean } = {},
): void {
  useFollowChanges(submissionQuery(submissionId).queryKey, `/submissions/${encodeURIComponent(submissionId)}`, {
    service: 'admission',
    enabled: options.enabled,
    alsoStale: [historyQuery(submissionId).queryKey, ...(options.alsoStale ?? [])],
  });
}

export const catalogueQuery = {
  queryKey: ['catalogue', 'current'],
  // Asked for as JSON (the same route answers CSV on `?format=csv`).
  queryFn: async () =>
    (await unwrap(
      api.admission.GET('/catalogue/versions/{version}', { params: { path: { version: 'current' } } }),
    )) as components['schemas']['CatalogueVersionItemsResponse'],
  staleTime: 5 * 60_000,
};

export const directoryQuery = {
  queryKey: ['community-directory'],
  queryFn: () => unwrap(api.admission.GET('/community-directory', { params: { query: { offset: 0, limit: 500 } } })),
  staleTime: 5 * 60_000,
};
