/** An approval inbox item as a service answers it (libs/approvals `ApprovalInboxItemResponse`). */
export interface ServiceInboxItem {
  workflowId: string;
  stepId: string;
  slotId: string;
  title: string;
  stepName: string;
  deadlineAt: string | null;
  openedAt: string;
  closedAt: string | null;
  [field: string]: unknown;
}

/** The item with the service it came from (the console opens the subject there). */
export type WorkbenchInboxItem = ServiceInboxItem & { service: string };

export type WorkbenchView = 'todo' | 'done' | 'cc';

const time = (value: string | null | undefined) => (value ? Date.parse(value) : Number.NaN);

/** Earlier first; a missing time after every present one. */
function ascending(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) === Number.isNaN(b) ? 0 : Number.isNaN(a) ? 1 : -1;
  return a - b;
}

/**
 * The services' own order, kept across services: to-dos by deadline (the earliest, so the overdue, first; those
 * without a deadline last), then by when they opened; 已办 by decision, newest first; 抄送 by when they were copied,
 * newest first. Ties break on service, workflow, step and slot, so paging is stable.
 */
export function compareInboxItems(view: WorkbenchView): (a: WorkbenchInboxItem, b: WorkbenchInboxItem) => number {
  const stable = (a: WorkbenchInboxItem, b: WorkbenchInboxItem) =>
    a.service.localeCompare(b.service) ||
    a.workflowId.localeCompare(b.workflowId) ||
    a.stepId.localeCompare(b.stepId) ||
    a.slotId.localeCompare(b.slotId);
  if (view === 'todo') {
    return (a, b) =>
      ascending(time(a.deadlineAt), time(b.deadlineAt)) ||
      ascending(time(a.openedAt), time(b.openedAt)) ||
      stable(a, b);
  }
  const when = (item: WorkbenchInboxItem) => time(view === 'done' ? item.closedAt : item.openedAt);
  // Newest first: the same comparison with the times negated (a missing time still last).
  return (a, b) => ascending(-when(a), -when(b)) || stable(a, b);
}
