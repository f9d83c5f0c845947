import type { QueryKey } from '@tanstack/react-query';
import { api, unwrap } from '../../api/http';
import { useFollowChanges } from '../../api/use-follow-changes';

/** A task's fund transfer as finance holds it: one instalment (`period`), or the latest without one. */
export const taskFundTransferQuery = (taskId: string, period?: string) => ({
  queryKey: ['finance', 'task-fund-transfer', taskId, period ?? null],
  queryFn: () =>
    unwrap(
      api.finance.GET('/task-fund-transfers/{taskId}', {
        params: { path: { taskId }, query: period ? { period } : {} },
      }),
    ),
});

/**
 * Keeps a transfer current while a view shows it: the officer's decision, the payment and a failure show as soon as
 * finance commits them, without a reload.
 */
export function useFollowTaskFundTransfer(
  taskId: string,
  period: string | undefined,
  options: { alsoStale?: QueryKey[]; enabled?: boolean } = {},
): void {
  const query = period ? `?${new URLSearchParams({ period }).toString()}` : '';
  useFollowChanges(
    taskFundTransferQuery(taskId, period).queryKey,
    `/task-fund-transfers/${encodeURIComponent(taskId)}${query}`,
    { service: 'finance', ...options },
  );
}
