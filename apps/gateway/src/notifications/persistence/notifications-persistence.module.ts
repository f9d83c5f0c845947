import { Module } from '@nestjs/common';
import { EventFactsRepository } from './event-facts.repository.js';
import { NotificationsRepository } from './notifications.repository.js';

@Module({
  providers: [NotificationsRepository, EventFactsRepository],
  exports: [NotificationsRepository, EventFactsRepository],
})
export class NotificationsPersistenceModule {}
