import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PlatformConfig } from '../src/config/platform-config.js';
import { PostgresListener } from '../src/database/postgres-listener.js';

// The platform library stands below the testing library, so this suite takes the servers from the global setup's
// environment itself.
const databaseUrl = process.env.JIANFU_TEST_DATABASE_URL!;

/** Retries `assertion` until it holds or `timeoutMs` passes, then throws its last failure. */
async function eventually(assertion: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** What one subscriber saw: the payloads in order, and how often its channel was listened to (again). */
function recorder() {
  const seen = { payloads: [] as string[], listening: 0 };
  return {
    seen,
    subscriber: { notified: (payload: string) => seen.payloads.push(payload), listening: () => (seen.listening += 1) },
  };
}

describe('the process LISTEN connection', () => {
  let db: pg.Pool;
  let listener: PostgresListener;
  const suffix = randomBytes(4).toString('hex');
  const outbox = `listener_outbox_${suffix}`;
  const changes = `listener_changes_${suffix}`;

  const notify = (channel: string, payload: string) => db.query('SELECT pg_notify($1, $2)', [channel, payload]);
  // This listener's backends. Other suites run beside this one, and their services' listeners connect to the same
  // database under the same application name; only this one's last statement LISTENs to this suite's channels
  // (a listener sends nothing but LISTEN).
  const ourBackends = async () =>
    (
      await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE application_name = 'jianfu-listen' AND datname = current_database() AND query LIKE $1`,
        [`LISTEN "%${suffix}"`],
      )
    ).rows.map((row) => row.pid);

  beforeAll(() => {
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    listener = new PostgresListener({ DATABASE_URL: databaseUrl } as PlatformConfig);
  });
  afterAll(async () => {
    await listener.onApplicationShutdown();
    await db.end();
  });

  it('serves every channel of the process on one connection, each subscriber its own channel', async () => {
    const first = recorder();
    const second = recorder();
    listener.subscribe(outbox, first.subscriber);
    listener.subscribe(changes, second.subscriber);
    await eventually(() => expect([first.seen.listening, second.seen.listening]).toEqual([1, 1]));

    await notify(outbox, 'row-1');
    await notify(changes, 'submission-7');
    // The outbox's notification carries no payload: it says only that rows were added.
    await notify(outbox, '');
    await eventually(() => {
      expect(first.seen.payloads).toEqual(['row-1', '']);
      expect(second.seen.payloads).toEqual(['submission-7']);
    });
    // Two channels, one backend.
    expect(await ourBackends()).toHaveLength(1);
  });

  it('a notification in a rolled-back transaction reaches nobody', async () => {
    const watcher = recorder();
    const stop = listener.subscribe(outbox, watcher.subscriber);
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_notify($1, $2)', [outbox, 'rolled-back']);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await notify(outbox, 'committed');
    await eventually(() => expect(watcher.seen.payloads).toEqual(['committed']));
    stop();
    await notify(outbox, 'after-stop');
    await notify(changes, 'marker');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher.seen.payloads).toEqual(['committed']);
  });

  it('after its backend is terminated, reconnects, listens to every channel again and tells the subscribers', async () => {
    const onOutbox = recorder();
    const onChanges = recorder();
    listener.subscribe(outbox, onOutbox.subscriber);
    listener.subscribe(changes, onChanges.subscriber);
    const [terminated] = await ourBackends();
    await db.query('SELECT pg_terminate_backend($1)', [terminated]);

    await eventually(() => expect([onOutbox.seen.listening, onChanges.seen.listening]).toEqual([1, 1]), 10_000);
    await notify(outbox, 'after-reconnect');
    await notify(changes, 'submission-8');
    await eventually(() => {
      expect(onOutbox.seen.payloads).toEqual(['after-reconnect']);
      expect(onChanges.seen.payloads).toEqual(['submission-8']);
    });
    // One backend, the new one: the terminated one leaves pg_stat_activity once it has exited, a moment after the
    // signal.
    await eventually(async () => {
      const now = await ourBackends();
      expect(now).toHaveLength(1);
      expect(now).not.toContain(terminated);
    });
  });
});
