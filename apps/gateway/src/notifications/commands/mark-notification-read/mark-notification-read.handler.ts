import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import type { NotificationView } from '../../domain/notification.js';
import { NotificationErrors } from '../../domain/notifications.errors.js';
import { NotificationsRepository } from '../../persistence/notifications.repository.js';
import { MarkNotificationReadCommand } from './mark-notification-read.command.js';

/** Reading again keeps the first read time: a retried request has one effect. */
@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsRepository,
  ) {}

  async execute(command: MarkNotificationReadCommand): Promise<NotificationView> {
    return this.transactions.run(async (tx) => {
      const { viewer, notificationId } = command;
      const found = await this.notifications.findVisible(tx, viewer, notificationId);
      if (!found) {
        throw DomainError.of(NotificationErrors['notification.not-found'], `Notification ${notificationId} not found`);
      }
      await this.notifications.markRead(tx, viewer.userId, notificationId, new Date());
      return (await this.notifications.findVisible(tx, viewer, notificationId)) ?? found;
    });
  }
}
