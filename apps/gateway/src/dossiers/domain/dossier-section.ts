/**
 * One part of a dossier as the service that owns it answered the user: shown, hidden from this user (the service
 * refused or did not find it in their scope, 403/404), or unavailable (the service failed or did not answer).
 * A dossier is shown in parts, so one service down or one refusal does not hide the others.
 */
export type DossierSection<T> =
  | { state: 'shown'; data: T }
  | { state: 'hidden'; status: number; code: string | null }
  | { state: 'unavailable'; service: string };

export function shown<T>(section: DossierSection<T>): T | null {
  return section.state === 'shown' ? section.data : null;
}

/** Runs `work` over the items, at most `limit` at a time, keeping their order. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(...(await Promise.all(items.slice(start, start + limit).map(work))));
  }
  return results;
}
