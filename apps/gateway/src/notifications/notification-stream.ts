import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { TransactionRunner } from '@jianfu/platform';
import { GatewayConfig } from '../config.js';
import { SessionsRepository } from '../sessions/persistence/sessions.repository.js';
import type { ActiveSession } from '../sessions/session-access.js';
import { type Viewer, viewerOf } from './domain/notification.js';
import { NotificationFeed } from './persistence/notification-feed.js';
import { NotificationsRepository } from './persistence/notifications.repository.js';

/**
 * One browser's live notifications (server-sent events): the unread count at once, then each new notification
 * addressed to the user with the new count, and a comment every heartbeat so proxies keep the connection. At
 * each heartbeat the session is checked (a signed-out session's stream ends) and the count is sent again if it
 * changed (a push missed while the feed reconnected, or a read in another tab).
 */
@Injectable()
export class NotificationStream {
  private readonly logger = new Logger(NotificationStream.name);

  constructor(
    private readonly config: GatewayConfig,
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsRepository,
    private readonly sessions: SessionsRepository,
    private readonly feed: NotificationFeed,
  ) {}

  async open(session: ActiveSession, response: Response): Promise<void> {
    const viewer: Viewer = viewerOf(session.user);
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    // nginx and similar proxies would otherwise buffer the stream.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();

    let closed = false;
    let lastCount = -1;
    const send = (event: string, data: unknown) => {
      if (!closed) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const sendCount = async (force: boolean) => {
      const count = await this.notifications.unreadCount(this.transactions.reader, viewer);
      if (force || count !== lastCount) {
        lastCount = count;
        send('unread-count', { count });
      }
    };
    // Pushes are handled one after another, so counts never arrive out of order.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (work: () => Promise<void>) => {
      queue = queue.then(work).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'A notification stream could not be updated');
      });
    };
    const unsubscribe = this.feed.subscribe((id) =>
      enqueue(async () => {
        const notification = await this.notifications.findVisible(this.transactions.reader, viewer, id);
        if (!notification) return;
        send('notification', notification);
        await sendCount(true);
      }),
    );
    const heartbeat = setInterval(() => {
      if (closed) return;
      response.write(': heartbeat\n\n');
      enqueue(async () => {
        const stored = await this.sessions.find(this.transactions.reader, session.idHash);
        if (!stored || new Date(stored.expiresAt).getTime() <= Date.now()) {
          response.end();
          return;
        }
        await sendCount(false);
      });
    }, this.config.NOTIFICATION_HEARTBEAT_SECONDS * 1000);
    // The response's close, not the request's: a request stream may close once its (empty) body is read.
    response.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });
    response.write('retry: 5000\n\n');
    enqueue(() => sendCount(true));
    await queue;
  }
}
