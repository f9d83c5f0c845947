import type { OrganisationScope, Principal } from '@jianfu/platform';

export const notificationKinds = ['todo', 'reminder', 'escalation', 'lapse', 'decision', 'funds-arrived'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * Who a notification is for, by the approval kit's slot rule: a named user, a role, or a role within a scope
 * (the streets, communities or department the scope names). Everyone whose principal matches sees it; each
 * reads it for themself.
 */
export interface Audience {
  districtCode: string;
  userId?: string;
  role?: string;
  /** `unit`: the older single-unit slot scope, any of the viewer's streets, communities or department. */
  scopeLevel?: 'district' | 'street' | 'community' | 'department' | 'unit';
  scopeUnits?: string[];
}

export interface NewNotification {
  sourceEventId: string;
  audience: Audience;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the console. */
  link: string;
  createdAt: Date;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** One event may address several audiences; each gets its own notification, once however often it is redelivered. */
export function audienceKey(audience: Audience): string {
  return [
    audience.userId ?? '',
    audience.role ?? '',
    audience.scopeLevel ?? '',
    [...(audience.scopeUnits ?? [])].sort().join(','),
  ].join('|');
}

/** The viewer side of the audience rule: the signed-in user's principal. */
export interface Viewer {
  userId: string;
  roles: string[];
  scope: OrganisationScope;
}

export function viewerOf(principal: Principal): Viewer {
  return { userId: principal.userId, roles: [...principal.roles], scope: principal.scope };
}

/** Amounts are integer fen; notifications speak yuan with two decimals. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
