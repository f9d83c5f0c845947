import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CommunityCreated, type CommunityCreatedPayload, type EventEnvelope, Topics } from '@jianfu/contracts';
import {
  CreateMessagingTables1763700000000,
  CreateDeadLetters1763900000000,
  DeadLetterOffice,
  DeadLetterRepository,
  EventConsumer,
  InboxRepository,
  KafkaConnection,
  loadConfig,
  onCommit,
  openServiceDataSource,
  PlatformConfig,
  PlatformMetrics,
  serviceDataSourceOptions,
  ServiceIdentity,
  type Transaction,
} from '@jianfu/platform';
import { entityManagerOf } from '@jianfu/platform/persistence';
import { createTestIsolation, eventually, foreignEnvelope, serviceEnvironment, testKafka } from '@jianfu/testing';

/**
 * The platform's event consumer on the real broker and database, against a topic of one partition so that
 * every event shares it: events of one aggregate key are handled in order and once, events of different keys
 * side by side, and a failing event comes back without a second effect for the events around it.
 */
describe('the event consumer handles keys side by side and each key in order', () => {
  const isolation = createTestIsolation('event-consumer-keys');
  const environment = serviceEnvironment(isolation, 'admission');
  const topic = `${isolation.topicPrefix}${Topics.organization}`;
  const kafka = testKafka();
  const producer = kafka.producer();
  let dataSource: DataSource;
  let consumer: EventConsumer;
  let connection: KafkaConnection;
  /** What each test's handler does with an event, in its transaction; set per test. */
  let onEvent: (event: EventEnvelope<CommunityCreatedPayload>, tx: Transaction) => Promise<void> | void = () =>
    undefined;

  beforeAll(async () => {
    const config = loadConfig(PlatformConfig, environment);
    dataSource = await openServiceDataSource(
      serviceDataSourceOptions({
        url: config.DATABASE_URL,
        schema: config.DATABASE_SCHEMA,
        entities: [],
        migrations: [CreateMessagingTables1763700000000, CreateDeadLetters1763900000000],
        applicationName: 'event-consumer-keys',
      }),
      config.DATABASE_SCHEMA,
      config.DATABASE_URL,
    );
    await dataSource.query('CREATE TABLE effect (label text NOT NULL, position bigint GENERATED ALWAYS AS IDENTITY)');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
    await admin.disconnect();
    await producer.connect();

    connection = new KafkaConnection(config);
    const identity = new ServiceIdentity('admission', false, true);
    const metrics = new PlatformMetrics('admission', 'api');
    const deadLetters = new DeadLetterRepository();
    consumer = new EventConsumer(
      connection,
      dataSource,
      new InboxRepository(),
      identity,
      config,
      new DeadLetterOffice(dataSource, deadLetters, connection, config, identity, metrics),
      deadLetters,
      metrics,
    );
    consumer.on(CommunityCreated, async (event, manager) => {
      await onEvent(event, manager);
      await entityManagerOf(manager).query('INSERT INTO effect (label) VALUES ($1)', [event.payload.name]);
    });
    consumer.onApplicationBootstrap();
  }, 120_000);

  afterAll(async () => {
    await consumer?.onApplicationShutdown();
    await connection?.onApplicationShutdown();
    await producer.disconnect();
    await dataSource?.query(`DROP SCHEMA "${environment.DATABASE_SCHEMA}" CASCADE`);
    await dataSource?.destroy();
  });

  /** Sends the events in one request, so they reach the consumer in one batch of the one partition. */
  async function sendTogether(events: { key: string; label: string }[]): Promise<void> {
    await producer.send({
      topic,
      messages: events.map(({ key, label }) => ({
        key,
        value: JSON.stringify(
          foreignEnvelope(CommunityCreated, key, {
            communityId: randomUUID(),
            code: label,
            name: label,
            streetCode: 'S-1',
            districtCode: '350102',
          }),
        ),
      })),
    });
  }

  async function effects(prefix: string): Promise<string[]> {
    const rows: { label: string }[] = await dataSource.query(
      'SELECT label FROM effect WHERE label LIKE $1 ORDER BY position',
      [`${prefix}%`],
    );
    return rows.map((row) => row.label);
  }

  it('handles an event of another key while a slow one is still running', async () => {
    let otherKeyHandled!: () => void;
    const otherKey = new Promise<void>((resolve) => (otherKeyHandled = resolve));
    let sawOtherKey: boolean | undefined;
    onEvent = async (event) => {
      if (event.payload.name === 'slow-a1') {
        // Waits for the other key's event; handled strictly one after the other, it never comes, and the guard
        // below ends the wait instead of hanging the consumer.
        let guard: NodeJS.Timeout | undefined;
        sawOtherKey ??= await Promise.race([
          otherKey.then(() => true),
          new Promise<boolean>((resolve) => (guard = setTimeout(() => resolve(false), 30_000))),
        ]);
        clearTimeout(guard);
      }
      if (event.payload.name === 'slow-b1') otherKeyHandled();
    };
    await sendTogether([
      { key: 'a', label: 'slow-a1' },
      { key: 'b', label: 'slow-b1' },
    ]);
    await eventually(async () => expect((await effects('slow-')).sort()).toEqual(['slow-a1', 'slow-b1']), 60_000);
    expect(sawOtherKey).toBe(true);
  });

  it("takes the next fetch's events while a handled event's after-commit work is still running", async () => {
    // The work a handler leaves for after its commit (a workflow's start) used to run inside the batch, and KafkaJS
    // fetches again only once the batch is done: every later event waited for it.
    let laterHandled!: () => void;
    const later = new Promise<void>((resolve) => (laterHandled = resolve));
    let afterCommit: { sawLater: boolean; committedRows: string[] } | undefined;
    onEvent = (event, tx) => {
      if (event.payload.name === 'after-commit-1') {
        onCommit(tx, async () => {
          let guard: NodeJS.Timeout | undefined;
          const sawLater = await Promise.race([
            later.then(() => true),
            new Promise<boolean>((resolve) => (guard = setTimeout(() => resolve(false), 30_000))),
          ]);
          clearTimeout(guard);
          afterCommit = { sawLater, committedRows: await effects('after-commit-') };
        });
      }
      if (event.payload.name === 'after-commit-2') laterHandled();
    };
    await sendTogether([{ key: 'a', label: 'after-commit-1' }]);
    await eventually(async () => expect(await effects('after-commit-')).toEqual(['after-commit-1']), 60_000);
    // Sent once the first is committed, so it comes in a fetch of its own, after the first's batch.
    await sendTogether([{ key: 'b', label: 'after-commit-2' }]);
    await eventually(() => expect(afterCommit).toBeDefined(), 60_000);
    expect(afterCommit?.sawLater).toBe(true);
    // Run after the first event's commit: its effect was there to read, from another connection.
    expect(afterCommit?.committedRows).toContain('after-commit-1');
  });

  it('keeps each key in order, and redelivers a failed event without a second effect for any event', async () => {
    let failuresLeft = 1;
    onEvent = (event) => {
      if (event.payload.name === 'order-a1' && failuresLeft-- > 0) throw new Error('the first attempt fails');
    };
    await sendTogether([
      { key: 'a', label: 'order-a1' },
      { key: 'b', label: 'order-b1' },
      { key: 'a', label: 'order-a2' },
      { key: 'b', label: 'order-b2' },
      { key: 'c', label: 'order-c1' },
    ]);
    await eventually(async () => expect(await effects('order-')).toHaveLength(5), 60_000);
    const handled = await effects('order-');
    expect([...handled].sort()).toEqual(['order-a1', 'order-a2', 'order-b1', 'order-b2', 'order-c1']);
    expect(handled.indexOf('order-a1')).toBeLessThan(handled.indexOf('order-a2'));
    expect(handled.indexOf('order-b1')).toBeLessThan(handled.indexOf('order-b2'));
    expect(failuresLeft).toBeLessThan(1);
  });
});
