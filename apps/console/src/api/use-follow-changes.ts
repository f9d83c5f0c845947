import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { latestEtags, observeResponse } from './http';

/** How long each read may be held for a change (the services' cap; the gateway adds it to its upstream timeout). */
const waitSeconds = 20;
/** After a failed read (a service restarting, the network gone), the next try waits this long. */
const retryAfterMs = 5_000;
/**
 * Held for a resource not there yet (404): an entity tag no representation has, so the service holds the read
 * until the resource is created (answering it at once) or the wait is over (404 again).
 */
const notThereYet = '"not-there-yet"';

/**
 * Keeps a query's data current while the page shows it, without polling: each read names the representation the
 * page has (`If-None-Match`) and asks the service to hold the answer until it changes (`Prefer: wait`), so the
 * page shows a step opening, a decision or a payment as soon as it commits. It starts from the query's own answer,
 * whose tag the API client kept, so opening a page reads the resource once (a plain first read only when no query
 * reads this key or its read failed). Every new representation replaces the query's data, and the queries in
 * `alsoStale` (views of the same thing, such as its timeline) are read again. A resource not there yet is waited
 * for the same way, and its creation is news.
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
    const url = `/api/${service}${path}`;
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
    const alsoStaleKeys = JSON.parse(stale) as QueryKey[];
    void (async () => {
      const answered = await queryAnswered(queryClient, JSON.parse(key) as QueryKey, stop.signal);
      let held: string | null = answered ? latestEtags.of(url) : null;
      let firstAnswer = true;
      while (!stop.signal.aborted) {
        try {
          const sent = Date.now();
          const response = await fetch(url, {
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
          if (response.status === 404) {
            // Not there yet (a transfer finance has still to open): wait for it to be created. A 404 that came back
            // at once after a held read means the route does not wait: read again later, never spin.
            const quick = held === notThereYet && Date.now() - sent < 1_000;
            held = notThereYet;
            if (quick) await pause(retryAfterMs);
            continue;
          }
          if (!response.ok) {
            await pause(retryAfterMs);
            continue;
          }
          const body: unknown = await response.json();
          // A representation that replaces one the page showed is news. A first plain read only fills the query,
          // but the views in `alsoStale` were read before it was sent: a change that committed in between (the read
          // waiting for one of the browser's few connections to a host, say) is in this answer and in no later one,
          // so they are read again once.
          const news = held !== null || (firstAnswer && alsoStaleKeys.length > 0);
          firstAnswer = false;
          held = response.headers.get('etag');
          latestEtags.record(url, held);
          queryClient.setQueryData(JSON.parse(key) as QueryKey, body);
          if (news) {
            for (const other of alsoStaleKeys) void queryClient.invalidateQueries({ queryKey: other });
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

/**
 * Waits until the query of this key has answered and no read of it is in flight, so its latest answer's tag is
 * known. Answers whether it holds data to follow from: false when its read failed, or at once when no query reads
 * this key (then there is nothing to wait for).
 */
function queryAnswered(queryClient: QueryClient, queryKey: QueryKey, signal: AbortSignal): Promise<boolean> {
  const cache = queryClient.getQueryCache();
  const settled = (): boolean | null => {
    const query = cache.find({ queryKey, exact: true });
    if (!query) return false;
    if (query.state.status === 'pending' || query.state.fetchStatus !== 'idle') return null;
    return query.state.status === 'success';
  };
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      unsubscribe();
      signal.removeEventListener('abort', abandon);
      resolve(answer);
    };
    const abandon = () => finish(false);
    const unsubscribe = cache.subscribe(() => {
      const answer = settled();
      if (answer !== null) finish(answer);
    });
    signal.addEventListener('abort', abandon, { once: true });
    const answer = settled();
    if (answer !== null) finish(answer);
  });
}
