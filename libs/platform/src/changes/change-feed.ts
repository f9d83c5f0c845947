import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { PlatformConfig } from '../config/platform-config.js';
import { PostgresListener } from '../database/postgres-listener.js';
import { changeChannel } from './change-notifications.migration.js';

/** Changes to one id, from the moment it was opened: none is missed between a read and the wait after it. */
export interface ChangeWatch {
  /** Resolves true as soon as a change was (or had been, since the last call) announced; false after `ms`. */
  next(ms: number, signal?: AbortSignal): Promise<boolean>;
  /** True once the process shuts down: a waiting read answers with what it has instead of waiting on. */
  readonly ended: boolean;
  close(): void;
}

interface Watcher {
  changed: boolean;
  wake?: () => void;
}

/**
 * The process's view of the changes its schema's triggers announce (`announceChanges`), through the process's one
 * LISTEN connection (`PostgresListener`), subscribed by the first watch and kept, shared by every waiting read.
 * While that connection is down, watches see no announcements and waiting reads simply read again when their wait
 * ends; once it listens again, every watch wakes and reads again, in case it missed one.
 */
@Injectable()
export class ChangeFeed implements BeforeApplicationShutdown {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private subscribed = false;
  private ended = false;

  constructor(
    private readonly config: PlatformConfig,
    private readonly listener: PostgresListener,
  ) {}

  watch(id: string): ChangeWatch {
    this.subscribe();
    const watcher: Watcher = { changed: false };
    let set = this.watchers.get(id);
    if (!set) this.watchers.set(id, (set = new Set()));
    set.add(watcher);
    const ended = () => this.ended;
    return {
      get ended() {
        return ended();
      },
      next: (ms, signal) => {
        if (watcher.changed || signal?.aborted || this.ended) return Promise.resolve(this.consume(watcher));
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

  /** Before the HTTP server closes: held reads answer now, so the server is not kept open for their waits. */
  beforeApplicationShutdown(): void {
    this.ended = true;
    for (const set of this.watchers.values()) for (const watcher of set) watcher.wake?.();
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.listener.subscribe(changeChannel(this.config.DATABASE_SCHEMA), {
      notified: (id) => {
        if (id) this.announce(id);
      },
      listening: () => {
        for (const set of this.watchers.values()) for (const watcher of set) this.mark(watcher);
      },
    });
  }

  private consume(watcher: Watcher): boolean {
    const changed = watcher.changed;
    watcher.changed = false;
    return changed;
  }

  private mark(watcher: Watcher): void {
    watcher.changed = true;
    watcher.wake?.();
  }

  private announce(id: string): void {
    for (const watcher of this.watchers.get(id) ?? []) this.mark(watcher);
  }
}
