import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { NewNotification } from './domain/notification.js';
import { NotificationFeed } from './persistence/notification-feed.js';
import { NotificationsRepository } from './persistence/notifications.repository.js';

/** Stores a notification in the consumer's transaction and has the streams push it once that commits. */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly feed: NotificationFeed,
  ) {}

  async notify(tx: Transaction, notification: NewNotification): Promise<void> {
    await this.notifications.insert(tx, notification, this.feed.channel);
  }
}
