import { createHash } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PostgresListener } from '@jianfu/platform';
import { GatewayConfig } from '../../config.js';

type Listener = (notificationId: string) => void;

/**
 * Tells every open notification stream of every gateway process that a notification was stored: the consumer's
 * transaction sends `NOTIFY` on a channel named for the gateway's schema, which Postgres delivers at commit (never
 * for a rolled-back event), and each process listens on its one LISTEN connection (`PostgresListener`). A stream
 * that missed a push while that connection was down catches up through the unread count it rereads at each heartbeat.
 */
@Injectable()
export class NotificationFeed implements OnApplicationBootstrap {
  private readonly listeners = new Set<Listener>();
  readonly channel: string;

  constructor(
    config: GatewayConfig,
    private readonly postgres: PostgresListener,
  ) {
    // Channel names are identifiers (at most 63 bytes); a suite's own schema keeps its pushes to itself.
    this.channel = `notification_${createHash('sha256').update(config.DATABASE_SCHEMA).digest('hex').slice(0, 24)}`;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onApplicationBootstrap(): void {
    this.postgres.subscribe(this.channel, {
      notified: (notificationId) => {
        if (!notificationId) return;
        for (const listener of this.listeners) listener(notificationId);
      },
    });
  }
}
