import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ActiveSession } from '../../sessions/session-access.js';
import { CurrentSession } from '../../sessions/api/session.guard.js';
import { MarkAllNotificationsReadCommand } from '../commands/mark-all-notifications-read/mark-all-notifications-read.command.js';
import { MarkNotificationReadCommand } from '../commands/mark-notification-read/mark-notification-read.command.js';
import { viewerOf } from '../domain/notification.js';
import { NotificationStream } from '../notification-stream.js';
import { GetUnreadCountQuery } from '../queries/get-unread-count/get-unread-count.query.js';
import { ListNotificationsQuery } from '../queries/list-notifications/list-notifications.query.js';
import { ListNotificationsRequest, NotificationParams } from './dto/notifications.request.js';

/** 站内信: the signed-in user's notifications, their read state, and the live stream. */
@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly stream: NotificationStream,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first' })
  list(@CurrentSession() session: ActiveSession, @Query() query: ListNotificationsRequest) {
    return this.queries.execute(
      new ListNotificationsQuery(viewerOf(session.user), {
        unreadOnly: query.unread === true,
        offset: query.offset,
        limit: query.limit,
      }),
    );
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications I have not read' })
  unreadCount(@CurrentSession() session: ActiveSession) {
    return this.queries.execute(new GetUnreadCountQuery(viewerOf(session.user)));
  }

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-sent events: `notification` (the item) and `unread-count` ({count}); heartbeats' })
  async open(@CurrentSession() session: ActiveSession, @Res() response: Response) {
    await this.stream.open(session, response);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks all my notifications read' })
  readAll(@CurrentSession() session: ActiveSession) {
    return this.commands.execute(new MarkAllNotificationsReadCommand(viewerOf(session.user)));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one of my notifications read (for me only)' })
  read(@CurrentSession() session: ActiveSession, @Param() params: NotificationParams) {
    return this.commands.execute(new MarkNotificationReadCommand(viewerOf(session.user), params.id));
  }
}
