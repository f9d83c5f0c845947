import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@jianfu/contracts';
import { openServiceDataSource, serviceDataSourceOptions } from '../src/database/data-source-options.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { OutboxRepository, type PendingOutboxMessage } from '../src/outbox/outbox.repository.js';
import { platformMigrations } from '../src/platform.module.js';

// The platform library stands below the testing library, so this suite takes the database from the global setup's
// environment itself.
const databaseUrl = process.env.JIANFU_TEST_DATABASE_URL!;

/**
 * The relay's pass against the real Postgres: `BEGIN` with the claim and the mark with `COMMIT`, one connection
 * holding the claimed rows' locks while they are sent.
 */
describe('an outbox relay pass', () => {
  const schema = `t_outbox_pass_${randomBytes(4).toString('hex')}`;
  const applicationName = `outbox-pass-${randomBytes(4).toString('hex')}`;
  const outbox = new OutboxRepository();
  let dataSource: DataSource;
  let runner: TransactionRunner;

  const append = (count: number) =>
    runner.run(async (tx) => {
      for (let index = 0; index < count; index++) {
        const envelope = { id: randomUUID(), type: 'probe.appended', aggregateId: `probe-${index}` };
        await outbox.append(tx, 'probe-topic', envelope as unknown as EventEnvelope);
      }
    });
  const unpublished = () => outbox.countUnpublished(runner.reader);
  /** This suite's connections that were left inside a transaction. */
  const idleInTransaction = async () =>
    Number(
      (
        await dataSource.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND state LIKE 'idle in transaction%'`,
          [applicationName],
        )
      )[0].n,
    );

  beforeAll(async () => {
    dataSource = await openServiceDataSource(
      serviceDataSourceOptions({
        url: databaseUrl,
        schema,
        entities: [],
        migrations: platformMigrations(false),
        applicationName,
      }),
      schema,
      databaseUrl,
    );
    runner = new TransactionRunner(dataSource);
  });
  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource?.destroy();
  });

  it('sends the oldest rows in order and marks them published, while a second relay skips them', async () => {
    await append(3);
    let sent: PendingOutboxMessage[] = [];
    let claimedMeanwhile = -1;
    const relayed = await outbox.relayBatch(runner.reader, 200, async (batch) => {
      sent = batch;
      // Another relay's pass while these rows are being sent: they are locked, so it finds none.
      claimedMeanwhile = await outbox.relayBatch(runner.reader, 200, () => Promise.reject(new Error('not reached')));
    });
    expect(relayed).toBe(3);
    expect(claimedMeanwhile).toBe(0);
    expect(sent.map((message) => message.messageKey)).toEqual(['probe-0', 'probe-1', 'probe-2']);
    expect(sent.map((message) => Number(message.position))).toEqual(
      [...sent.map((message) => Number(message.position))].sort((a, b) => a - b),
    );
    expect(await unpublished()).toBe(0);
    expect(await outbox.relayBatch(runner.reader, 200, () => Promise.reject(new Error('nothing to send')))).toBe(0);
    expect(await idleInTransaction()).toBe(0);
  });

  it('leaves the rows unpublished when sending fails, on a connection fit to use again', async () => {
    await append(2);
    await expect(
      outbox.relayBatch(runner.reader, 200, () => Promise.reject(new Error('the broker is down'))),
    ).rejects.toThrow('the broker is down');
    expect(await unpublished()).toBe(2);
    expect(await idleInTransaction()).toBe(0);
    // At most `limit` rows a pass; the next pass takes the rest.
    expect(await outbox.relayBatch(runner.reader, 1, () => Promise.resolve())).toBe(1);
    expect(await outbox.relayBatch(runner.reader, 200, () => Promise.resolve())).toBe(1);
    expect(await unpublished()).toBe(0);
  });

  /**
   * Ends the pass's connection, the one idle in its transaction while `send` runs, as a Postgres restart or a network
   * cut would, and gives `pg` a moment to see its socket close.
   */
  const endThePassConnection = async () => {
    const [ended] = await dataSource.query<{ ended: boolean }[]>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE application_name = $1 AND state LIKE 'idle in transaction%'`,
      [applicationName],
    );
    expect(ended?.ended).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
  };

  it('fails its pass, and closes the connection, when Postgres drops it while the batch is sent', async () => {
    await append(2);
    // `pg` emits an `error` on the checked-out client, which the pass must hear: unheard, it is thrown out of the
    // socket's handler and ends the process (jest reports it as an unhandled error).
    await expect(outbox.relayBatch(runner.reader, 200, endThePassConnection)).rejects.toThrow();
    expect(await unpublished()).toBe(2);
    expect(await outbox.relayBatch(runner.reader, 200, () => Promise.resolve())).toBe(2);
    expect(await unpublished()).toBe(0);
    expect(await idleInTransaction()).toBe(0);
  });

  it("reports the send's own failure when the connection died under it too", async () => {
    await append(1);
    const send = async () => {
      await endThePassConnection();
      throw new Error('the broker is down');
    };
    await expect(outbox.relayBatch(runner.reader, 200, send)).rejects.toThrow('the broker is down');
    expect(await unpublished()).toBe(1);
    expect(await outbox.relayBatch(runner.reader, 200, () => Promise.resolve())).toBe(1);
    expect(await idleInTransaction()).toBe(0);
  });
});
