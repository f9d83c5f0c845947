/** An approval inbox item as a service answers it (libs/approvals), with the service it came from. */
export interface ServiceInboxItem {
  workflowId: string;
  slotId: string;
  title: string;
  stepName: string;
  deadlineAt: string | null;
  openedAt: string;
  closedAt: string | null;
  [field: string]: unknown;
}

export type WorkbenchInboxItem = ServiceInboxItem & { service: string };

export type WorkbenchView = 'todo' | 'done' | 'cc';

/** What each service's `GET /approval-inbox` is asked for, per view. */
export function inboxFilterOf(view: WorkbenchView): Record<string, string> {
  if (view === 'todo') return { status: 'open', kind: 'review' };
  if (view === 'done') return { status: 'done', kind: 'review' };
  return { status: 'all', kind: 'copy' };
}

const time = (value: string | null | undefined) => (value ? Date.parse(value) : Number.NaN);

/**
 * One order over the services' items: to-dos by deadline, the earliest (so the overdue) first and those without
 * a deadline last; done and copied items newest first. Ties break on workflow and slot, so paging is stable.
 */
export function compareInboxItems(view: WorkbenchView): (a: WorkbenchInboxItem, b: WorkbenchInboxItem) => number {
  const stable = (a: WorkbenchInboxItem, b: WorkbenchInboxItem) =>
    a.workflowId.localeCompare(b.workflowId) || a.slotId.localeCompare(b.slotId) || a.service.localeCompare(b.service);
  if (view === 'todo') {
    return (a, b) => {
      const [da, db] = [time(a.deadlineAt), time(b.deadlineAt)];
      if (Number.isNaN(da) !== Number.isNaN(db)) return Number.isNaN(da) ? 1 : -1;
      return da - db || 0 || time(a.openedAt) - time(b.openedAt) || stable(a, b);
    };
  }
  return (a, b) => time(b.closedAt ?? b.openedAt) - time(a.closedAt ?? a.openedAt) || stable(a, b);
}

/** A case-insensitive match of the search text in the subject's title or the step's name. */
export function matchesSearch(item: WorkbenchInboxItem, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.trim().toLowerCase();
  return `${item.title} ${item.stepName}`.toLowerCase().includes(needle);
}
