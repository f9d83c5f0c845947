import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { NotificationsRepository } from '../../persistence/notifications.repository.js';
import { MarkAllNotificationsReadCommand } from './mark-all-notifications-read.command.js';

@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<MarkAllNotificationsReadCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsRepository,
  ) {}

  async execute(command: MarkAllNotificationsReadCommand): Promise<{ marked: number }> {
    const marked = await this.transactions.run((tx) => this.notifications.markAllRead(tx, command.viewer, new Date()));
    return { marked };
  }
}
