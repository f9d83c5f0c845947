import { Module } from '@nestjs/common';
import { SessionsPersistenceModule } from '../sessions/persistence/sessions-persistence.module.js';
import { NotificationsController } from './api/notifications.controller.js';
import { MarkAllNotificationsReadHandler } from './commands/mark-all-notifications-read/mark-all-notifications-read.handler.js';
import { MarkNotificationReadHandler } from './commands/mark-notification-read/mark-notification-read.handler.js';
import { NotifyCommunityWhenTaskFundsDisbursed } from './events/notify-community-when-task-funds-disbursed.handler.js';
import { NotifyHoldersWhenApprovalStepChanged } from './events/notify-holders-when-approval-step-changed.handler.js';
import { NotifySubmitterWhenSubmissionDecided } from './events/notify-submitter-when-submission-decided.handler.js';
import { RememberSubmitterWhenSubmissionSubmitted } from './events/remember-submitter-when-submission-submitted.handler.js';
import { NotificationStream } from './notification-stream.js';
import { Notifier } from './notifier.js';
import { NotificationFeed } from './persistence/notification-feed.js';
import { NotificationsPersistenceModule } from './persistence/notifications-persistence.module.js';
import { GetUnreadCountHandler } from './queries/get-unread-count/get-unread-count.handler.js';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler.js';

/** 站内信: notifications from the services' events, stored per audience, read per user, pushed live. */
@Module({
  imports: [NotificationsPersistenceModule, SessionsPersistenceModule],
  controllers: [NotificationsController],
  providers: [
    NotificationFeed,
    Notifier,
    NotificationStream,
    RememberSubmitterWhenSubmissionSubmitted,
    NotifySubmitterWhenSubmissionDecided,
    NotifyCommunityWhenTaskFundsDisbursed,
    NotifyHoldersWhenApprovalStepChanged,
    ListNotificationsHandler,
    GetUnreadCountHandler,
    MarkNotificationReadHandler,
    MarkAllNotificationsReadHandler,
  ],
})
export class NotificationsModule {}
