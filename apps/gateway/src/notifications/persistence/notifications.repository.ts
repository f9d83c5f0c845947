import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { audienceKey, type NewNotification, type NotificationView, type Viewer } from '../domain/notification.js';

/**
 * The audience rule in SQL (the approval kit's slot rule, libs/approvals inbox): same district; the named user if
 * one is named; one of the viewer's roles if a role is named; the scope level's units all within the viewer's.
 */
function visibleTo(viewer: Viewer, first: number): { sql: string; parameters: unknown[] } {
  const { scope } = viewer;
  const districtWide = !scope.streetCodes?.length && !scope.communityIds?.length;
  const p = (offset: number) => `$${first + offset}`;
  return {
    sql: `n.district_code = ${p(0)}
      AND (n.audience_user_id IS NULL OR n.audience_user_id = ${p(1)})
      AND (n.audience_role IS NULL OR n.audience_role = ANY(${p(2)}::text[]))
      AND (n.audience_scope_level IS NULL
        OR (n.audience_scope_level = 'district' AND ${p(3)}::boolean)
        OR (n.audience_scope_level = 'street' AND cardinality(n.audience_scope_units) > 0
            AND n.audience_scope_units <@ ${p(4)}::text[])
        OR (n.audience_scope_level = 'community' AND cardinality(n.audience_scope_units) > 0
            AND n.audience_scope_units <@ ${p(5)}::text[])
        OR (n.audience_scope_level = 'department' AND cardinality(n.audience_scope_units) > 0
            AND n.audience_scope_units <@ ${p(6)}::text[])
        OR (n.audience_scope_level = 'unit' AND cardinality(n.audience_scope_units) > 0
            AND n.audience_scope_units <@ (${p(4)}::text[] || ${p(5)}::text[] || ${p(6)}::text[])))`,
    parameters: [
      scope.districtCode,
      viewer.userId,
      viewer.roles,
      districtWide,
      scope.streetCodes ?? [],
      scope.communityIds ?? [],
      scope.departmentId ? [scope.departmentId] : [],
    ],
  };
}

const viewColumns = `n.id, n.kind, n.title, n.body, n.link, n.created_at AS "createdAt", r.read_at AS "readAt"`;

function toView(row: Omit<NotificationView, 'createdAt' | 'readAt'> & { createdAt: Date; readAt: Date | null }) {
  return { ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt ? row.readAt.toISOString() : null };
}

/** Notifications (站内信) per audience, with each user's read state beside them. */
@Injectable()
export class NotificationsRepository {
  /**
   * Stores the notification once per event and audience, and tells the gateway's processes at commit (NOTIFY),
   * so their open streams push it. Answers the new id, or null when it was stored before.
   */
  async insert(tx: Transaction, notification: NewNotification, channel: string): Promise<string | null> {
    const { audience } = notification;
    const rows: { id: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO notification (id, source_event_id, audience_key, district_code, audience_user_id, audience_role,
         audience_scope_level, audience_scope_units, kind, title, body, link, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (source_event_id, audience_key) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        notification.sourceEventId,
        audienceKey(audience),
        audience.districtCode,
        audience.userId ?? null,
        audience.role ?? null,
        audience.scopeLevel ?? null,
        audience.scopeUnits ?? [],
        notification.kind,
        notification.title,
        notification.body,
        notification.link,
        notification.createdAt,
      ],
    );
    const id = rows[0]?.id ?? null;
    if (id) await queryRows(tx, 'SELECT pg_notify($1, $2)', [channel, id]);
    return id;
  }

  async page(
    tx: Transaction,
    viewer: Viewer,
    options: { unreadOnly: boolean; offset: number; limit: number },
  ): Promise<{ items: NotificationView[]; total: number }> {
    const visible = visibleTo(viewer, 2);
    const unread = options.unreadOnly ? 'AND r.read_at IS NULL' : '';
    const from = `FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $1
      WHERE ${visible.sql} ${unread}`;
    const n = 2 + visible.parameters.length;
    const rows: Parameters<typeof toView>[0][] = await queryRows(
      tx,
      `SELECT ${viewColumns} ${from} ORDER BY n.created_at DESC, n.id DESC LIMIT $${n} OFFSET $${n + 1}`,
      [viewer.userId, ...visible.parameters, options.limit, options.offset],
    );
    const [{ total }]: { total: string }[] = await queryRows(tx, `SELECT count(*) AS total ${from}`, [
      viewer.userId,
      ...visible.parameters,
    ]);
    return { items: rows.map(toView), total: Number(total) };
  }

  async unreadCount(tx: Transaction, viewer: Viewer): Promise<number> {
    const visible = visibleTo(viewer, 2);
    const [{ count }]: { count: string }[] = await queryRows(
      tx,
      `SELECT count(*) AS count FROM notification n
       LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $1
       WHERE ${visible.sql} AND r.read_at IS NULL`,
      [viewer.userId, ...visible.parameters],
    );
    return Number(count);
  }

  /** The notification if the viewer may see it. */
  async findVisible(tx: Transaction, viewer: Viewer, id: string): Promise<NotificationView | null> {
    const visible = visibleTo(viewer, 3);
    const rows: Parameters<typeof toView>[0][] = await queryRows(
      tx,
      `SELECT ${viewColumns} FROM notification n
       LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $1
       WHERE n.id = $2 AND ${visible.sql}`,
      [viewer.userId, id, ...visible.parameters],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Marks read once: reading again keeps the first time. */
  async markRead(tx: Transaction, userId: string, id: string, at: Date): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO notification_read (notification_id, user_id, read_at) VALUES ($1, $2, $3)
       ON CONFLICT (notification_id, user_id) DO NOTHING`,
      [id, userId, at],
    );
  }

  async markAllRead(tx: Transaction, viewer: Viewer, at: Date): Promise<number> {
    const visible = visibleTo(viewer, 3);
    const rows: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO notification_read (notification_id, user_id, read_at)
       SELECT n.id, $1, $2 FROM notification n
       LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $1
       WHERE r.read_at IS NULL AND ${visible.sql}
       ON CONFLICT (notification_id, user_id) DO NOTHING RETURNING notification_id`,
      [viewer.userId, at, ...visible.parameters],
    );
    return rows.length;
  }
}
