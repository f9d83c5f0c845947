import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { NotificationsRepository } from '../../persistence/notifications.repository.js';
import { GetUnreadCountQuery } from './get-unread-count.query.js';

@QueryHandler(GetUnreadCountQuery)
export class GetUnreadCountHandler implements IQueryHandler<GetUnreadCountQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsRepository,
  ) {}

  async execute(query: GetUnreadCountQuery): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(this.transactions.reader, query.viewer) };
  }
}
