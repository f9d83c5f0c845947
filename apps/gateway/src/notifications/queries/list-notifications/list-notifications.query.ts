import { Query } from '@nestjs/cqrs';
import type { Page } from '@jianfu/platform';
import type { NotificationView, Viewer } from '../../domain/notification.js';

/** The viewer's notifications, newest first, each with the viewer's own read time. */
export class ListNotificationsQuery extends Query<Page<NotificationView>> {
  constructor(
    readonly viewer: Viewer,
    readonly options: { unreadOnly: boolean; offset: number; limit: number },
  ) {
    super();
  }
}
