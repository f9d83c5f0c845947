import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { PlatformConfig } from '../src/config/platform-config.js';
import { KafkaConnection } from '../src/kafka/kafka-connection.js';

// The platform library stands below the testing library, so this suite takes the broker from the global setup's
// environment itself.
const brokers = process.env.JIANFU_TEST_KAFKA_BROKERS!;

/**
 * Counts the timers KafkaJS's request queues arm while `work` runs. Unpatched, KafkaJS 2.2.4 re-arms an empty
 * queue's check with a negative delay, which Node runs after 1 ms, for ever (patches/kafkajs+2.2.4.patch).
 */
async function requestQueueTimersDuring(work: () => Promise<void>): Promise<number> {
  const realSetTimeout = globalThis.setTimeout;
  let armed = 0;
  globalThis.setTimeout = ((...args: unknown[]) => {
    if (new Error().stack?.includes('kafkajs/src/network/requestQueue/')) armed += 1;
    return Reflect.apply(realSetTimeout, globalThis, args) as unknown;
  }) as typeof setTimeout;
  try {
    await work();
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  return armed;
}

describe('a Kafka connection at rest', () => {
  const prefix = `kafka_idle_${randomBytes(4).toString('hex')}.`;
  let connection: KafkaConnection;

  beforeAll(() => {
    connection = new KafkaConnection({
      DATABASE_SCHEMA: 'kafka_idle',
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: 1,
      KAFKA_TOPIC_REPLICATION_FACTOR: 1,
    } as PlatformConfig);
  });
  afterAll(async () => {
    await connection.onApplicationShutdown();
  });

  it('arms no timer while nothing waits to be sent', async () => {
    const topic = connection.topic('idle');
    await connection.ensureTopics([topic]);
    const producer = await connection.producer();
    await producer.send({ topic, messages: [{ key: 'k', value: 'sent before the rest' }] });

    const armed = await requestQueueTimersDuring(() => new Promise((resolve) => setTimeout(resolve, 1_000)));

    // A second with nothing to send: the unpatched queue armed about a thousand.
    expect(armed).toBe(0);

    // A queue that has to hold requests still sends them: the idempotent producer allows one request in flight,
    // so sends made together wait their turn, and each must be acknowledged.
    const acknowledged = await Promise.all(
      Array.from({ length: 5 }, (_, i) => producer.send({ topic, messages: [{ key: `k${i}`, value: 'together' }] })),
    );
    expect(acknowledged.flat().map((record) => record.errorCode)).toEqual([0, 0, 0, 0, 0]);
  });
});
