import { gatewayFetch } from './http';

/** The gateway's own routes (docs GATEWAY-CONTRACT: sign-in, the cross-service inbox, 站内信). */
export interface OrganisationScope {
  districtCode: string;
  streetCodes?: string[];
  communityIds?: string[];
  departmentId?: string;
}

export interface SessionUser {
  id: string;
  name: string;
  roles: string[];
  scope: OrganisationScope;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export type ServiceName = 'organization' | 'admission' | 'finance' | 'personnel';

/** One approval slot as its service's `GET /approval-inbox` answers it, plus the service. */
export interface InboxItem {
  service: ServiceName;
  workflowId: string;
  stepId: string;
  stepName: string;
  slotId: string;
  kind: 'review' | 'copy';
  subjectType: string;
  subjectId: string;
  title: string;
  districtCode: string;
  departmentId: string | null;
  submitterId: string;
  /** Who sent the item: the submitter, or whoever copied, transferred or added it. */
  sentBy: string;
  /** The sender's display name, when the gateway knows it. */
  sentByName?: string | null;
  /** The submitter's name, when identity knows them as a colleague of the user. */
  submitterName?: string | null;
  /** Who decided this slot (已办). */
  decidedBy: string | null;
  /** Open and past its deadline. */
  overdue: boolean;
  assigneeUserId: string | null;
  assigneeRole: string | null;
  status: 'open' | 'done' | 'closed';
  stepStatus: string;
  decision: string | null;
  deadlineAt: string | null;
  /** Working days left before the deadline, counted by the district's calendar (0 when overdue); null when closed. */
  workingDaysLeft: number | null;
  calendarProvisional: boolean;
  reminders: number;
  escalated: boolean;
  openedAt: string;
  closedAt: string | null;
}

export type InboxView = 'todo' | 'done' | 'cc';

export interface InboxPage extends Page<InboxItem> {
  unavailable: string[];
}

export interface Notification {
  id: string;
  kind: 'todo' | 'reminder' | 'escalation' | 'lapse' | 'decision' | 'funds-arrived';
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const gateway = {
  session: () => gatewayFetch<Session>('/auth/session'),
  signOut: () => gatewayFetch<{ signOutUrl: string }>('/auth/sign-out', { method: 'POST' }),
  inbox: (query: { view: InboxView; offset: number; limit: number; overdue?: boolean; q?: string }) => {
    const search = new URLSearchParams({ view: query.view, offset: String(query.offset), limit: String(query.limit) });
    if (query.overdue) search.set('overdue', 'true');
    if (query.q) search.set('q', query.q);
    return gatewayFetch<InboxPage>(`/api/workbench/inbox?${search.toString()}`);
  },
  notifications: (query: { unread?: boolean; offset: number; limit: number }) => {
    const search = new URLSearchParams({ offset: String(query.offset), limit: String(query.limit) });
    if (query.unread) search.set('unread', 'true');
    return gatewayFetch<Page<Notification>>(`/api/notifications?${search.toString()}`);
  },
  unreadCount: () => gatewayFetch<{ count: number }>('/api/notifications/unread-count'),
  markRead: (id: string) =>
    gatewayFetch<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  markAllRead: () => gatewayFetch<unknown>('/api/notifications/read-all', { method: 'POST' }),
  /** Colleagues' display names by id (identity names only users of the caller's district). */
  userNames: (ids: string[]) => {
    const search = new URLSearchParams(ids.map((id): [string, string] => ['id', id]));
    return gatewayFetch<{ items: { id: string; displayName: string }[] }>(
      `/api/identity/user-names?${search.toString()}`,
    );
  },
};

export function signInUrl(returnTo: string): string {
  return `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}
