/**
 * Working days from now to a deadline (weekends off), negative when it passed. The services count deadlines by
 * the statutory calendar; this is the list's estimate when the gateway did not send `workingDaysLeft`.
 */
export function workingDaysUntil(deadline: Date, now: Date = new Date()): number {
  const day = 24 * 60 * 60 * 1000;
  const start = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const end = Date.UTC(deadline.getFullYear(), deadline.getMonth(), deadline.getDate());
  const direction = end >= start ? 1 : -1;
  let count = 0;
  for (let at = start; at !== end; at += direction * day) {
    const weekday = new Date(at + direction * day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += direction;
  }
  if (count === 0 && deadline.getTime() < now.getTime()) return -1;
  return count;
}
