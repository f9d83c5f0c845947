import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformConfig } from '../config/platform-config.js';
import { transactionOf } from '../database/persistence.js';
import { PostgresListener } from '../database/postgres-listener.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';
import { ServiceIdentity } from '../service-identity.js';
import { startRelaySpan } from '../tracing/event-trace.js';
import { outboxChannel, OutboxRepository } from './outbox.repository.js';

const batchSize = 200;
const maxBackoffMs = 10_000;

/**
 * Moves committed outbox rows to Kafka, oldest first, keyed by aggregate id. A row is marked published
 * only after the broker acknowledged it; if the process dies in between, the row is sent again and
 * consumers' inboxes drop the duplicate. While Kafka or Postgres is down, rows wait and the relay backs off.
 * The process's LISTEN connection wakes the relay on every commit that added rows; polling remains the safety net.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private wakeRequested = false;
  private stopListening?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly kafka: KafkaConnection,
    private readonly config: PlatformConfig,
    private readonly identity: ServiceIdentity,
    private readonly listener: PostgresListener,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.identity.relayOutbox) return;
    this.running = true;
    // Woken by every commit that added rows; once listening again after a lost connection, it looks at once for
    // rows committed meanwhile instead of waiting for the next poll.
    this.stopListening = this.listener.subscribe(outboxChannel(this.config.DATABASE_SCHEMA), {
      notified: () => this.requestWake(),
      listening: () => this.requestWake(),
    });
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.stopListening?.();
    this.wake?.();
    await this.loop;
  }

  private requestWake(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  /**
   * Sends one batch; returns how many rows were published. Exposed for tests and tools. `notified`: a commit that
   * added rows woke the relay, so it goes straight to the batch without first asking whether any row waits.
   */
  async relayOnce(notified = false): Promise<number> {
    if (!notified && !(await this.outbox.anyUnpublished(transactionOf(this.dataSource.manager)))) return 0;
    return this.outbox.relayBatch(transactionOf(this.dataSource.manager), batchSize, async (batch) => {
      await this.kafka.ensureTopics([...new Set(batch.map((message) => message.topic))]);
      const producer = await this.kafka.producer();
      const byTopic = new Map<string, typeof batch>();
      for (const message of batch) {
        byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
      }
      // One producer span per traced event, in the trace of the transaction that recorded it.
      const spans: { end(): void }[] = [];
      const traced = (message: (typeof batch)[number]) => {
        const { envelope } = message;
        const carried = {
          ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
          ...(envelope.tracestate ? { tracestate: envelope.tracestate } : {}),
        };
        const { span, headers } = startRelaySpan(message.topic, carried, {
          'messaging.system': 'kafka',
          'messaging.destination.name': message.topic,
          'messaging.message.id': envelope.id,
          'messaging.kafka.message.key': message.messageKey,
          'jianfu.event.type': envelope.type,
        });
        if (span) spans.push(span);
        return headers;
      };
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({
            topic,
            messages: messages.map((message) => ({
              key: message.messageKey,
              value: JSON.stringify(message.envelope),
              headers: {
                'event-id': message.envelope.id,
                'event-type': message.envelope.type,
                // With the type, what a consumer that has no handler for the event needs to skip it unread.
                'event-version': String(message.envelope.version),
                'correlation-id': message.envelope.correlationId,
                ...traced(message),
              },
            })),
          })),
        });
      } finally {
        for (const span of spans) span.end();
      }
    });
  }

  private async run(): Promise<void> {
    let backoff = this.config.OUTBOX_POLL_MS;
    let notified = false;
    while (this.running) {
      try {
        const sent = await this.relayOnce(notified);
        backoff = this.config.OUTBOX_POLL_MS;
        if (sent === batchSize) continue;
      } catch (error) {
        this.logger.warn({ err: error, retryInMs: backoff }, 'Outbox relay failed; rows stay queued');
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
      notified = await this.sleep(backoff);
    }
  }

  /** Waits `ms` or until woken; true when a notification (or the shutdown) woke it. */
  private sleep(ms: number): Promise<boolean> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wakeRequested = false;
        this.wake = undefined;
        resolve(true);
      };
    });
  }
}
