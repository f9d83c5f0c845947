import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { GatewayConfig } from '../../config.js';

type Listener = (notificationId: string) => void;

/**
 * Tells every open notification stream of every gateway process that a notification was stored: the consumer's
 * transaction sends `NOTIFY` on a channel named for the gateway's schema, which Postgres delivers at commit (never
 * for a rolled-back event), and each process `LISTEN`s on one connection of its own. A stream that missed a push
 * while that connection was down catches up through the unread count it rereads at each heartbeat.
 */
@Injectable()
export class NotificationFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationFeed.name);
  private readonly listeners = new Set<Listener>();
  private client?: pg.Client;
  private running = false;
  private retry?: NodeJS.Timeout;
  readonly channel: string;

  constructor(private readonly config: GatewayConfig) {
    // Channel names are identifiers (at most 63 bytes); a suite's own schema keeps its pushes to itself.
    this.channel = `notification_${createHash('sha256').update(config.DATABASE_SCHEMA).digest('hex').slice(0, 24)}`;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'jianfu-gateway-feed',
    });
    client.on('notification', (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      for (const listener of this.listeners) listener(message.payload);
    });
    const reconnect = (error?: unknown) => {
      if (!this.running || this.client !== client) return;
      this.client = undefined;
      this.logger.warn({ err: error }, 'Notification feed lost its connection; reconnecting');
      client.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.connect(), 1000);
    };
    client.on('error', reconnect);
    client.on('end', () => reconnect());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      reconnect(error);
    }
  }
}
