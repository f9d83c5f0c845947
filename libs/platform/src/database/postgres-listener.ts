import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { PlatformConfig } from '../config/platform-config.js';

export interface ChannelSubscriber {
  /** A payload sent with `NOTIFY` on the channel (maybe empty), delivered when its transaction committed. */
  notified(payload: string): void;
  /**
   * The channel is listened to again: on the first connection and after every reconnection. A notification sent
   * while nothing listened is lost, so a subscriber that must not miss one catches up here.
   */
  listening?(): void;
}

/**
 * The process's one `LISTEN` connection, shared by everything woken by a commit: the outbox relay (rows to send),
 * waiting reads (`ChangeFeed`), the gateway's notification streams. Opened by the first subscription and kept;
 * after a lost connection it reconnects every second and listens to every subscribed channel again. Postgres holds
 * one backend per connection, so a second loop per purpose would cost a backend per process each.
 */
@Injectable()
export class PostgresListener implements OnApplicationShutdown {
  private readonly logger = new Logger(PostgresListener.name);
  private readonly channels = new Map<string, Set<ChannelSubscriber>>();
  private client?: pg.Client;
  /** The channels `client` listens to. */
  private listened = new Set<string>();
  private connecting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly config: PlatformConfig) {}

  /** Listens to `channel` (a Postgres identifier) for `subscriber`; returns the call that stops it. */
  subscribe(channel: string, subscriber: ChannelSubscriber): () => void {
    let subscribers = this.channels.get(channel);
    if (!subscribers) this.channels.set(channel, (subscribers = new Set()));
    subscribers.add(subscriber);
    if (this.client) void this.listenToAll(this.client);
    else void this.connect();
    return () => {
      subscribers.delete(subscriber);
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.connecting;
    await this.client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.closed || this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.DATABASE_URL,
      connectionTimeoutMillis: 5000,
      application_name: 'jianfu-listen',
    });
    client.on('notification', (message) => {
      // An empty payload is a notification too: the outbox's says only that rows were added.
      for (const subscriber of this.channels.get(message.channel) ?? []) subscriber.notified(message.payload ?? '');
    });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(
        { err: error },
        'The LISTEN connection was lost; reconnecting (pollers and timeouts cover the gap)',
      );
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.listened = new Set();
      await this.listenToAll(client);
    } catch (error) {
      if (this.client === client) this.client = undefined;
      await client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn({ err: error }, 'The LISTEN connection could not be opened; retrying');
      this.scheduleRetry();
    }
  }

  /** Listens to every subscribed channel `client` does not listen to yet, then tells their subscribers. */
  private async listenToAll(client: pg.Client): Promise<void> {
    for (const [channel, subscribers] of this.channels) {
      if (this.listened.has(channel) || this.client !== client) continue;
      this.listened.add(channel);
      try {
        await client.query(`LISTEN "${channel}"`);
      } catch (error) {
        // The connection broke under the statement: `lost` reconnects and listens again.
        this.listened.delete(channel);
        this.logger.warn({ err: error, channel }, 'LISTEN failed');
        return;
      }
      for (const subscriber of subscribers) subscriber.listening?.();
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), 1000).unref();
  }
}
