import { Command } from '@nestjs/cqrs';
import type { NotificationView, Viewer } from '../../domain/notification.js';

/** Marks one notification read for the viewer only; others it is addressed to keep their own state. */
export class MarkNotificationReadCommand extends Command<NotificationView> {
  constructor(
    readonly viewer: Viewer,
    readonly notificationId: string,
  ) {
    super();
  }
}
