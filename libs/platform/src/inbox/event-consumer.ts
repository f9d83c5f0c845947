import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type EventDefinition,
  type EventEnvelope,
  EventSchemaError,
  EventSchemaValidator,
  Topics,
} from '@jianfu/contracts';
import { RequestContext } from '../context/request-context.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';
import { ServiceIdentity } from '../service-identity.js';
import { InboxRepository } from './inbox.repository.js';

export type EventHandler<TPayload> = (event: EventEnvelope<TPayload>, manager: EntityManager) => Promise<void>;

interface Registration {
  definition: EventDefinition<unknown>;
  handler: EventHandler<unknown>;
}

/**
 * Consumes other services' topics with one consumer group per service. Each event is handled in one
 * transaction together with its inbox row, so a redelivered event (same id) has no second effect, and
 * a handler that fails leaves the offset uncommitted so the event comes back.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly validator: EventSchemaValidator = new EventSchemaValidator();
  private readonly registrations = new Map<string, Registration>();
  private consumer?: Consumer;
  private running = false;
  private starting?: Promise<void>;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly dataSource: DataSource,
    private readonly inbox: InboxRepository,
    private readonly identity: ServiceIdentity,
  ) {}

  /** Registers the handler of one event type; call from a module's `onModuleInit`. */
  on<TPayload>(definition: EventDefinition<TPayload>, handler: EventHandler<TPayload>): void {
    const key = `${definition.type}@${definition.version}`;
    if (this.registrations.has(key)) throw new Error(`A handler for ${key} is already registered`);
    this.registrations.set(key, { definition, handler: handler as EventHandler<unknown> });
  }

  onApplicationBootstrap(): void {
    if (!this.identity.consumeEvents || this.registrations.size === 0) return;
    this.running = true;
    // Never block or fail the boot on Kafka: the service serves HTTP (and fills its outbox) while the broker is
    // away, and the consumer joins its group as soon as the broker answers.
    this.starting = this.startWithRetry();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.starting;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async startWithRetry(): Promise<void> {
    let delayMs = 500;
    while (this.running) {
      try {
        await this.start();
        return;
      } catch (error) {
        this.logger.warn({ err: error, retryInMs: delayMs }, 'Event consumer could not start; retrying');
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 10_000);
      }
    }
  }

  private async start(): Promise<void> {
    const topics = [
      ...new Set([...this.registrations.values()].map((r) => this.kafka.topic(Topics[r.definition.source]))),
    ];
    await this.kafka.ensureTopics(topics);
    const consumer = this.kafka.kafka.consumer({
      groupId: this.kafka.consumerGroup(this.identity.name),
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: 8, initialRetryTime: 300 },
    });
    this.consumer = consumer;
    // KafkaJS restarts itself after retriable failures; after a non-retriable one, start again from scratch.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || !this.running) return;
      if (this.consumer !== consumer) return;
      this.logger.error({ err: payload.error }, 'Event consumer crashed; restarting');
      this.consumer = undefined;
      this.starting = consumer
        .disconnect()
        .catch(() => undefined)
        .then(() => this.startWithRetry());
    });
    await consumer.connect();
    // A new group starts at the beginning, so a consumer that was never up still sees every event.
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      // Partitions are independent (order matters per aggregate key only), so they are handled side by side.
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ topic, partition, message }) => {
        await this.handle(topic, partition, message);
      },
    });
  }

  /** Handles one Kafka message; public so tests can redeliver a message exactly as the broker would. */
  async handle(topic: string, partition: number, message: KafkaMessage): Promise<'handled' | 'duplicate' | 'skipped'> {
    let envelope: EventEnvelope;
    try {
      const parsed: unknown = JSON.parse(message.value?.toString('utf8') ?? 'null');
      this.validator.assertValid(parsed);
      envelope = parsed;
    } catch (error) {
      // A malformed message would block its partition forever if retried; log it loudly and move on.
      this.logger.error(
        { err: error, topic, partition, offset: message.offset, schema: error instanceof EventSchemaError },
        'Skipping an event that is not a valid envelope',
      );
      return 'skipped';
    }
    const registration = this.registrations.get(`${envelope.type}@${envelope.version}`);
    if (!registration) return 'skipped';

    const context = { requestId: envelope.id, correlationId: envelope.correlationId, causationId: envelope.id };
    return RequestContext.run(context, () =>
      this.dataSource.transaction(async (manager) => {
        const first = await this.inbox.tryRecord(manager, {
          consumer: this.identity.name,
          eventId: envelope.id,
          eventType: envelope.type,
          topic,
          partition,
          offset: message.offset,
        });
        if (!first) return 'duplicate' as const;
        await registration.handler(envelope, manager);
        return 'handled' as const;
      }),
    );
  }
}
