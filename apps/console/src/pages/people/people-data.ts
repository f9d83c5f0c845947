import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/http';

/** The district's communities (organization's directory), for names beside ids and a community filter. */
export function useCommunities() {
  const query = useQuery({
    queryKey: ['people', 'communities'],
    queryFn: () => unwrap(api.organization.GET('/communities', { params: { query: { offset: 0, limit: 500 } } })),
    staleTime: 5 * 60_000,
  });
  const items = query.data?.items ?? [];
  const name = (id: string | null | undefined) => items.find((community) => community.id === id)?.name ?? id ?? '—';
  return { items, name };
}

/** The two career tracks with their steps, as personnel keeps them (steps are data, never named in code). */
export function useCareerTracks() {
  const query = useQuery({
    queryKey: ['people', 'career-tracks'],
    queryFn: () => unwrap(api.personnel.GET('/career-tracks', { params: { query: { offset: 0, limit: 50 } } })),
    staleTime: 5 * 60_000,
  });
  const tracks = query.data?.items ?? [];
  const stepName = (trackCode: string, code: string) =>
    tracks.find((track) => track.code === trackCode)?.steps.find((step) => step.code === code)?.name ?? code;
  return { tracks, stepName, loading: query.isLoading };
}

export const gradeOrder = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export type Grade = (typeof gradeOrder)[number];
export const gradeColor: Record<string, string> = {
  excellent: 'gold',
  good: 'green',
  qualified: 'blue',
  unqualified: 'red',
};
