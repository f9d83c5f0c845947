import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { NotificationView } from '../../domain/notification.js';
import { NotificationsRepository } from '../../persistence/notifications.repository.js';
import { ListNotificationsQuery } from './list-notifications.query.js';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsRepository,
  ) {}

  async execute(query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const page = await this.notifications.page(this.transactions.reader, query.viewer, query.options);
    return toPage(page.items, page.total, query.options);
  }
}
