import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  type EventDefinition,
  type EventEnvelope,
  newEventEnvelope,
  type ServiceName,
  Topics,
} from '@jianfu/contracts';
import type { TestIsolation } from './isolation.js';
import { currentInfrastructure } from './test-infrastructure.js';

/** A Kafka client on the test brokers, quiet unless the broker fails a call. */
export function testKafka(): Kafka {
  return new Kafka({ brokers: currentInfrastructure().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
}

/** A valid envelope for an event of another service; `overrides` set what a test needs fixed (an id to redeliver). */
export function foreignEnvelope<TPayload>(
  definition: EventDefinition<TPayload>,
  aggregateId: string,
  payload: TPayload,
  overrides: Partial<EventEnvelope<TPayload>> = {},
): EventEnvelope<TPayload> {
  return { ...newEventEnvelope(definition, aggregateId, payload), ...overrides };
}

/**
 * Writes other services' events to their real topics, keyed by aggregate id, as their outbox relays would;
 * one producer serves a whole suite.
 */
export class ForeignEventPublisher {
  private constructor(
    private readonly isolation: TestIsolation,
    private readonly producer: Producer,
  ) {}

  static async connect(isolation: TestIsolation): Promise<ForeignEventPublisher> {
    const producer = testKafka().producer();
    await producer.connect();
    return new ForeignEventPublisher(isolation, producer);
  }

  async publish<TPayload>(
    definition: EventDefinition<TPayload>,
    aggregateId: string,
    payload: TPayload,
    overrides: Partial<EventEnvelope<TPayload>> = {},
  ): Promise<EventEnvelope<TPayload>> {
    return this.send(foreignEnvelope(definition, aggregateId, payload, overrides));
  }

  /** Sends an envelope as it is, e.g. one already delivered, as a producer retry or relay crash would again. */
  async send<TPayload>(envelope: EventEnvelope<TPayload>): Promise<EventEnvelope<TPayload>> {
    await this.producer.send({
      topic: `${this.isolation.topicPrefix}${Topics[envelope.source]}`,
      messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
    });
    return envelope;
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** Publishes one event of another service with a producer of its own, for suites that send only a few. */
export async function publishForeignEvent<TPayload>(
  isolation: TestIsolation,
  definition: EventDefinition<TPayload>,
  aggregateId: string,
  payload: TPayload,
  overrides: Partial<EventEnvelope<TPayload>> = {},
): Promise<EventEnvelope<TPayload>> {
  const publisher = await ForeignEventPublisher.connect(isolation);
  try {
    return await publisher.publish(definition, aggregateId, payload, overrides);
  } finally {
    await publisher.close();
  }
}

/**
 * Every event a service's relay has put on its topic so far, read from the beginning to the topic's current end
 * with a fresh consumer group, so the reading changes no other group's offsets.
 */
export async function readServiceTopic(isolation: TestIsolation, service: ServiceName): Promise<EventEnvelope[]> {
  return readTopic<EventEnvelope>(isolation, `${isolation.topicPrefix}${Topics[service]}`);
}

/** Every message on a topic (its full name) so far, parsed as JSON, read the same way as `readServiceTopic`. */
export async function readTopic<T>(isolation: TestIsolation, topic: string): Promise<T[]> {
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  const ends = (await admin.listTopics()).includes(topic) ? await admin.fetchTopicOffsets(topic) : [];
  await admin.disconnect();
  // Partitions still to read, with the offset after their last message.
  const unread = new Map(ends.filter((end) => Number(end.high) > 0).map((end) => [end.partition, Number(end.high)]));
  const messages: T[] = [];
  if (unread.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: `${isolation.topicPrefix}reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: ({ partition, message }) => {
        const end = unread.get(partition);
        if (end !== undefined && Number(message.offset) < end) {
          messages.push(JSON.parse(message.value!.toString('utf8')) as T);
          if (Number(message.offset) + 1 >= end) unread.delete(partition);
        }
        if (unread.size === 0) resolve();
        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();
  return messages;
}
