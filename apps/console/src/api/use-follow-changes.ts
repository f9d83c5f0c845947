import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { observeResponse } from './http';

/** How long each read may be held for a change (the services' cap; the gateway adds it to its upstream timeout). */
const waitSeconds = 20;
/** After a failed read (a service restarting, the network gone), the next try waits this long. */
const retryAfterMs = 5_000;

/**
 * Keeps a query's data current while the page shows it, without polling: each read names the representation the
 * page has (`If-None-Match`) and asks the service to hold the answer until it changes (`Prefer: wait`), so the
 * page shows a step opening, a decision or a payment as soon as it commits. Every new representation replaces the
 * query's data, and the queries in `alsoStale` (views of the same thing, such as its timeline) are read again.
 */
export function useFollowChanges(
  queryKey: QueryKey,
  path: string,
  { service, alsoStale = [], enabled = true }: { service: string; alsoStale?: QueryKey[]; enabled?: boolean },
): void {
  const queryClient = useQueryClient();
  const key = JSON.stringify(queryKey);
  const stale = JSON.stringify(alsoStale);
  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          stop.signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        stop.signal.addEventListener('abort', done, { once: true });
      });
    void (async () => {
      let held: string | null = null;
      while (!stop.signal.aborted) {
        try {
          const sent = Date.now();
          const response = await fetch(`/api/${service}${path}`, {
            credentials: 'same-origin',
            signal: stop.signal,
            headers: {
              accept: 'application/json',
              ...(held ? { 'if-none-match': held, prefer: `wait=${waitSeconds}` } : {}),
            },
          });
          await observeResponse(response, service);
          if (response.status === 304) {
            // A 304 at once means the wait was not honoured (a proxy dropping `Prefer`): never spin on it.
            if (Date.now() - sent < 1_000) await pause(retryAfterMs);
            continue;
          }
          if (!response.ok) {
            await pause(retryAfterMs);
            continue;
          }
          const body: unknown = await response.json();
          const first = held === null;
          held = response.headers.get('etag');
          queryClient.setQueryData(JSON.parse(key) as QueryKey, body);
          if (!first) {
            for (const other of JSON.parse(stale) as QueryKey[])
              void queryClient.invalidateQueries({ queryKey: other });
          }
          if (!held) await pause(retryAfterMs);
        } catch {
          if (!stop.signal.aborted) await pause(retryAfterMs);
        }
      }
    })();
    return () => stop.abort();
  }, [queryClient, key, stale, path, service, enabled]);
}
