import { useQuery } from '@tanstack/react-query';
import { gateway } from './gateway';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names for the user ids a page shows (audit trails, deciders), asked of identity once per set of ids. Until the
 * names arrive, or for an id identity does not name (another district, a system actor), the id itself is shown.
 */
export function useUserNames(ids: (string | null | undefined)[]): (id: string) => string {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && uuid.test(id)))]
    .sort()
    .slice(0, 100);
  const names = useQuery({
    queryKey: ['user-names', wanted],
    queryFn: () => gateway.userNames(wanted),
    enabled: wanted.length > 0,
    staleTime: 10 * 60_000,
  });
  const byId = new Map((names.data?.items ?? []).map((user) => [user.id, user.displayName]));
  return (id: string) => byId.get(id) ?? id;
}
