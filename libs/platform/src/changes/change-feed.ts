import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { PlatformConfig } from '../config/platform-config.js';
import { changeChannel } from './change-notifications.migration.js';

/** Changes to one id, from the moment it was opened: none is missed between a read and the wait after it. */
export interface ChangeWatch {
  /** Resolves true as soon as a change was (or had been, since the last call) announced; false after `ms`. */
  next(ms: number, signal?: AbortSignal): Promise<boolean>;
  close(): void;
}

interface Watcher {
  changed: boolean;
  wake?: () => void;
}

/**
 * The process's view of the changes its schema's triggers announce (`announceChanges`): one LISTEN connection,
 * opened by the first watch and kept, shared by every waiting read. While that connection is down, watches see no
 * announcements and waiting reads simply read again when their wait ends.
 */
@Injectable()
export class ChangeFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly watchers = new Map<string, Set<Watcher>>();
  private client?: pg.Client;
  private connecting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly config: PlatformConfig) {}

  watch(id: string): ChangeWatch {
    void this.connect();
    const watcher: Watcher = { changed: false };
    let set = this.watchers.get(id);
    if (!set) this.watchers.set(id, (set = new Set()));
    set.add(watcher);
    return {
      next: (ms, signal) => {
        if (watcher.changed || signal?.aborted) return Promise.resolve(this.consume(watcher));
        return new Promise<boolean>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            watcher.wake = undefined;
            resolve(this.consume(watcher));
          };
          const timer = setTimeout(done, Math.max(0, ms));
          signal?.addEventListener('abort', done, { once: true });
          watcher.wake = done;
        });
      },
      close: () => {
        watcher.wake?.();
        set.delete(watcher);
        if (set.size === 0 && this.watchers.get(id) === set) this.watchers.delete(id);
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    for (const set of this.watchers.values()) for (const watcher of set) watcher.wake?.();
    await this.client?.end().catch(() => undefined);
  }

  private consume(watcher: Watcher): boolean {
    const changed = watcher.changed;
    watcher.changed = false;
    return changed;
  }

  private announce(id: string): void {
    for (const watcher of this.watchers.get(id) ?? []) {
      watcher.changed = true;
      watcher.wake?.();
    }
  }

  private connect(): Promise<void> {
    if (this.closed || this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const channel = changeChannel(this.config.DATABASE_SCHEMA);
    const client = new pg.Client({
      connectionString: this.config.DATABASE_URL,
      connectionTimeoutMillis: 5000,
      application_name: 'jianfu-change-feed',
    });
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload) this.announce(message.payload);
    });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn({ err: error }, 'Change feed lost its connection; waiting reads fall back to their timeout');
      this.retry = setTimeout(() => void this.connect(), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn({ err: error }, 'Change feed could not connect; retrying');
      this.retry = setTimeout(() => void this.connect(), 1000).unref();
    }
  }
}
