import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Consumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  type EventDefinition,
  type EventEnvelope,
  EventSchemaError,
  EventSchemaValidator,
  findEventDefinition,
  Topics,
} from '@jianfu/contracts';
import { PlatformConfig } from '../config/platform-config.js';
import { transactionOf } from '../database/persistence.js';
import { runTransaction, runTransactionThen, type Transaction } from '../database/transaction-runner.js';
import { RequestContext } from '../context/request-context.js';
import { DeadLetterOffice } from '../dead-letters/dead-letter-office.js';
import { DeadLetterRepository, type ReplayOutcome } from '../dead-letters/dead-letter.repository.js';
import { DeadLetterErrors } from '../dead-letters/dead-letters.errors.js';
import { DomainError } from '../http/domain-error.js';
import { isDependencyUnavailable } from '../http/failure-classification.js';
import { PlatformMetrics } from '../metrics/platform-metrics.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';
import { ServiceIdentity } from '../service-identity.js';
import { carrierOf, inEventSpan, SpanKind } from '../tracing/event-trace.js';
import { headerText } from '../kafka/message-headers.js';
import { InboxRepository } from './inbox.repository.js';

/** What became of one message: applied, already applied before, not this service's event, or dead-lettered. */
export type ConsumeOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

/** The longest wait between two attempts of a failing handler, whatever the configured backoff. */
const maxRetryWaitMs = 5_000;

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type EventHandler<TPayload> = (event: EventEnvelope<TPayload>, manager: Transaction) => Promise<void>;

/**
 * How many events one process handles at once, over all partitions and keys. Each holds a connection of the
 * service's pool (10, shared with HTTP and the outbox relay) for its transaction, so this stays well below it.
 */
const maxConcurrentHandlers = 5;

/**
 * How often the offsets of handled events are committed. Committing after every batch cost the broker one
 * OffsetCommit per event a service reads, most of them events it only skips (a topic carries all of its source's
 * event types), as many requests as the fetches themselves. The inbox makes a redelivery harmless, so after a crash
 * or a rebalance at most this much of the stream comes again and is recognised as duplicates.
 */
const offsetCommitIntervalMs = 1_000;

/** Where to read next in one partition: the offset after the last event handled. */
interface HandledOffset {
  topic: string;
  partition: number;
  offset: string;
}

interface Registration {
  definition: EventDefinition<unknown>;
  handler: EventHandler<unknown>;
}

/**
 * Consumes other services' topics with one consumer group per service. Each event is handled in one
 * transaction together with its inbox row, so a redelivered event (same id) has no second effect, and
 * a handler that fails for want of a dependency leaves the offset uncommitted so the event comes back. An event
 * that can never be applied as it is goes to the dead letters (see `handle`), never skipped silently.
 *
 * Order is kept per aggregate key, the only order a producer promises (its keys spread over partitions):
 * the events of one key in a fetched batch are handled one after the other, different keys side by side.
 * A burst of events that each start a workflow (several tasks admitted at once) then waits about one
 * handler's time, not the sum of them.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly validator: EventSchemaValidator = new EventSchemaValidator();
  private readonly registrations = new Map<string, Registration>();
  private consumer?: Consumer;
  private running = false;
  private starting?: Promise<void>;
  private readonly handlerSlots = new Slots(maxConcurrentHandlers);
  /** Handled but not yet committed, by `topic:partition`; `commitHandledOffsets` sends them. */
  private readonly uncommitted = new Map<string, HandledOffset>();
  private commitTimer?: NodeJS.Timeout;
  private committing?: Promise<void>;
  /** Counts the group generations this process joined: offsets of an earlier one are never committed. */
  private generation = 0;
  /**
   * What handled events registered with `onCommit` (a workflow's start), still under way. It runs beside the
   * consumer's next events, not before them: KafkaJS fetches again only once every batch of its last fetch is
   * done, so a start awaited in the batch held every later event of the process for as long as Temporal took to
   * answer. It never needs the event again: a start is requested in the handler's transaction, and one that fails
   * or dies with the process is the relay's. A later event of the same key may so be handled before the start is
   * made, as it may while the relay holds a start: its handler finds the state committed, and a workflow it calls
   * through `WorkflowStarts.callStarting` is started then.
   */
  private readonly afterCommitRunning = new Set<Promise<void>>();

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly dataSource: DataSource,
    private readonly inbox: InboxRepository,
    private readonly identity: ServiceIdentity,
    private readonly config: PlatformConfig,
    private readonly deadLetters: DeadLetterOffice,
    private readonly deadLetterRepository: DeadLetterRepository,
    private readonly metrics: PlatformMetrics,
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
    clearInterval(this.commitTimer);
    await this.starting;
    // What was handled since the last commit, so the next process does not read it again.
    await this.commitHandledOffsets();
    await this.consumer?.disconnect().catch(() => undefined);
    await Promise.all(this.afterCommitRunning);
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

  /** The topics this service's handlers listen to, with the prefix. */
  subscribedTopics(): string[] {
    return [...new Set([...this.registrations.values()].map((r) => this.kafka.topic(Topics[r.definition.source])))];
  }

  private async start(): Promise<void> {
    const topics = this.subscribedTopics();
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
    // A new generation may give this process's partitions to another: what this one handled but did not commit
    // is read again there (and found in the inbox), and an offset committed late must not move theirs back.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.generation += 1;
      this.uncommitted.clear();
    });
    await consumer.connect();
    // A new group starts at the beginning, so a consumer that was never up still sees every event.
    await consumer.subscribe({ topics, fromBeginning: true });
    this.commitTimer ??= setInterval(() => void this.commitHandledOffsets(), offsetCommitIntervalMs).unref();
    await consumer.run({
      // Offsets are committed every `offsetCommitIntervalMs`, not after every batch (see there).
      autoCommit: false,
      // Partitions are independent (order matters per aggregate key only): every partition of every subscribed
      // topic gets a worker, so a partition with events never waits for another partition's batch to finish.
      partitionsConsumedConcurrently: topics.length * this.config.KAFKA_TOPIC_PARTITIONS,
      // Offsets are resolved here, only over the events already handled, in partition order.
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /**
   * Handles one fetched batch: each key's events in order, keys side by side. Resolves the offsets of the
   * longest handled prefix; after a failure the rest comes back, and what was already handled is a duplicate.
   */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const lanes = new Map<string, KafkaMessage[]>();
    for (const message of batch.messages) {
      const key = message.key?.toString('utf8') ?? '';
      const lane = lanes.get(key);
      if (lane) lane.push(message);
      else lanes.set(key, [message]);
    }
    const handled = new Set<string>();
    let failed: { error: unknown } | undefined;
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const message of lane) {
          if (failed || !payload.isRunning() || payload.isStale()) return;
          try {
            await this.handlerSlots.run(() =>
              this.handle(batch.topic, batch.partition, message, () => payload.heartbeat()),
            );
          } catch (error) {
            failed ??= { error };
            return;
          }
          handled.add(message.offset);
          try {
            await payload.heartbeat();
          } catch (error) {
            // A rebalance: stop here and let the group rejoin once the running handlers are done.
            failed ??= { error };
            return;
          }
        }
      }),
    );
    let next: string | undefined;
    for (const message of batch.messages) {
      if (!handled.has(message.offset)) break;
      payload.resolveOffset(message.offset);
      next = (BigInt(message.offset) + 1n).toString();
    }
    if (next !== undefined) {
      this.uncommitted.set(`${batch.topic}:${batch.partition}`, {
        topic: batch.topic,
        partition: batch.partition,
        offset: next,
      });
    }
    if (failed) throw failed.error;
  }

  /**
   * Commits the offsets handled since the last commit. A failed commit (the broker away) is tried again at the next
   * turn, unless a newer offset of that partition or a new generation came meanwhile; a process that stops before
   * leaves those events to be read again and found in the inbox.
   */
  private async commitHandledOffsets(): Promise<void> {
    // One commit at a time, so an older offset never lands after a newer one.
    while (this.committing) await this.committing;
    const consumer = this.consumer;
    if (!consumer || this.uncommitted.size === 0) return;
    const entries = [...this.uncommitted.entries()];
    const generation = this.generation;
    this.uncommitted.clear();
    this.committing = consumer
      .commitOffsets(entries.map(([, offset]) => offset))
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Could not commit the handled offsets; trying again');
        if (generation !== this.generation) return;
        for (const [key, offset] of entries) if (!this.uncommitted.has(key)) this.uncommitted.set(key, offset);
      })
      .finally(() => (this.committing = undefined));
    await this.committing;
  }

  /**
   * Handles one Kafka message; public so tests can redeliver a message exactly as the broker would. A message
   * that is not a valid envelope, is of a type or version the contracts do not know, or whose handler fails
   * `CONSUMER_MAX_ATTEMPTS` times is dead-lettered (recorded, put on the dead-letter topic) and the partition
   * moves on; an event of a known type this service does not subscribe to is `ignored`. A failure because a
   * dependency is unreachable is thrown, so the offset stays uncommitted and the event returns once it is back.
   */
  async handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void> = () => Promise.resolve(),
  ): Promise<ConsumeOutcome> {
    const raw = message.value ?? Buffer.alloc(0);
    const where = {
      consumer: this.identity.name,
      topic,
      partition,
      offset: message.offset,
      messageKey: message.key?.toString('utf8') ?? null,
      rawValue: raw,
    };
    // Much of what a service fetches is not for it: a topic carries every event type of its source. The relay names
    // each message's type and version in its headers, so such an event is skipped without parsing or validating its
    // body, and a service never dead-letters an event it would not have applied. A message without those headers, or
    // of a type the contracts do not know, is read in full and dead-lettered if it must be; a subscriber of a type
    // still validates every body it applies.
    const announced = announcedEventType(message.headers);
    if (announced && !this.registrations.has(announced.key) && findEventDefinition(announced.type, announced.version)) {
      return this.counted(topic, announced.key, 'ignored');
    }
    const read = this.read(raw);
    if ('reason' in read) {
      await this.deadLetters.deadLetter({ ...where, ...read, attempts: 1 });
      return this.counted(topic, read.eventType ?? 'unreadable', 'dead-lettered');
    }
    const { envelope } = read;
    const eventType = `${envelope.type}@${envelope.version}`;
    const registration = this.registrations.get(eventType);
    if (!registration) return this.counted(topic, eventType, 'ignored');

    const maxAttempts = this.config.CONSUMER_MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await inEventSpan(
          `${topic} process`,
          SpanKind.CONSUMER,
          carrierOf(message.headers, envelope),
          {
            'messaging.system': 'kafka',
            'messaging.destination.name': topic,
            'messaging.consumer.group.name': this.identity.name,
            'messaging.message.id': envelope.id,
            'messaging.kafka.offset': Number(message.offset),
            'jianfu.event.type': eventType,
            'jianfu.delivery.attempt': attempt,
          },
          async (span) => {
            const applied = await this.apply(envelope, registration, { topic, partition, offset: message.offset });
            span.setAttribute('jianfu.event.outcome', applied);
            return applied;
          },
        );
        return this.counted(topic, eventType, outcome);
      } catch (error) {
        if (isDependencyUnavailable(error) || !this.runningOrDirect()) throw error;
        if (attempt >= maxAttempts) {
          await this.deadLetters.deadLetter({
            ...where,
            eventId: envelope.id,
            eventType,
            reason: 'handler-failed',
            detail: describeError(error),
            attempts: attempt,
          });
          return this.counted(topic, eventType, 'dead-lettered');
        }
        const waitMs = Math.min(this.config.CONSUMER_RETRY_BACKOFF_MS * 2 ** (attempt - 1), maxRetryWaitMs);
        this.logger.warn(
          { err: error, topic, partition, offset: message.offset, eventId: envelope.id, attempt, retryInMs: waitMs },
          'Event handler failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        // The partition waits on this message; the group must still see this member alive.
        await heartbeat();
      }
    }
  }

  /**
   * Applies a dead letter again after the cause was fixed, in one transaction with its inbox row and its
   * status, so it takes effect once however often and however concurrently it is replayed.
   */
  async replayDeadLetter(deadLetterId: string): Promise<{ deadLetterId: string; outcome: ReplayOutcome }> {
    const known = await this.deadLetterRepository.find(transactionOf(this.dataSource.manager), deadLetterId);
    if (!known)
      throw DomainError.of(DeadLetterErrors['dead-letter.not-found'], `Dead letter ${deadLetterId} does not exist`);
    if (known.status !== 'pending') throw this.alreadyReplayed(known.deadLetterId);
    const read = this.read(known.rawValue);
    if ('reason' in read) return this.replayFailed(known.deadLetterId, read.detail);
    const { envelope } = read;
    const registration = this.registrations.get(`${envelope.type}@${envelope.version}`);
    try {
      const context = { requestId: envelope.id, correlationId: envelope.correlationId, causationId: envelope.id };
      const outcome = await RequestContext.run(context, () =>
        runTransaction(this.dataSource, async (tx) => {
          const letter = await this.deadLetterRepository.lockPending(tx, deadLetterId);
          if (!letter) throw this.alreadyReplayed(deadLetterId);
          let result: ReplayOutcome = 'ignored';
          if (registration) {
            const first = await this.inbox.tryRecord(tx, {
              consumer: this.identity.name,
              eventId: envelope.id,
              eventType: envelope.type,
              topic: letter.topic,
              partition: letter.partition,
              offset: letter.offset,
            });
            if (first) await registration.handler(envelope, tx);
            result = first ? 'handled' : 'duplicate';
          }
          await this.deadLetterRepository.markReplayed(tx, deadLetterId, result);
          return result;
        }),
      );
      return { deadLetterId, outcome };
    } catch (error) {
      if (error instanceof DomainError || isDependencyUnavailable(error)) throw error;
      return this.replayFailed(deadLetterId, describeError(error));
    }
  }

  private counted(topic: string, eventType: string, outcome: ConsumeOutcome): ConsumeOutcome {
    this.metrics.eventsConsumed.inc({ topic, event_type: eventType, outcome });
    return outcome;
  }

  private alreadyReplayed(deadLetterId: string): DomainError {
    return DomainError.of(
      DeadLetterErrors['dead-letter.already-replayed'],
      `Dead letter ${deadLetterId} was replayed before`,
    );
  }

  private async replayFailed(deadLetterId: string, detail: string): Promise<never> {
    await this.deadLetterRepository.noteReplayFailure(transactionOf(this.dataSource.manager), deadLetterId, detail);
    throw DomainError.of(
      DeadLetterErrors['dead-letter.still-failing'],
      `Dead letter ${deadLetterId} failed again: ${detail}`,
      { deadLetterId },
    );
  }

  /** Parses and validates a message; says why it is dead when it is not a known, valid event. */
  private read(
    raw: Buffer,
  ):
    | { envelope: EventEnvelope }
    | { reason: 'malformed' | 'unknown-type'; detail: string; eventId: string | null; eventType: string | null } {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      return { reason: 'malformed', detail: `not JSON: ${describeError(error)}`, eventId: null, eventType: null };
    }
    try {
      this.validator.assertValid(parsed);
      return { envelope: parsed };
    } catch (error) {
      const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
      const eventId = typeof fields.id === 'string' ? fields.id : null;
      const eventType =
        typeof fields.type === 'string'
          ? `${fields.type}@${typeof fields.version === 'number' ? fields.version : '?'}`
          : null;
      const unknownType = error instanceof EventSchemaError && error.problems.includes('unknown event type or version');
      return { reason: unknownType ? 'unknown-type' : 'malformed', detail: describeError(error), eventId, eventType };
    }
  }

  private apply(
    envelope: EventEnvelope,
    registration: Registration,
    at: { topic: string; partition: number; offset: string },
  ): Promise<'handled' | 'duplicate'> {
    const context = { requestId: envelope.id, correlationId: envelope.correlationId, causationId: envelope.id };
    return RequestContext.run(context, async () => {
      const { result, afterCommit } = await runTransactionThen(this.dataSource, async (tx) => {
        const first = await this.inbox.tryRecord(tx, {
          consumer: this.identity.name,
          eventId: envelope.id,
          eventType: envelope.type,
          ...at,
        });
        if (!first) return 'duplicate' as const;
        await registration.handler(envelope, tx);
        return 'handled' as const;
      });
      if (afterCommit) this.runAfterCommit(afterCommit);
      return result;
    });
  }

  /** Runs a handled event's after-commit work beside the next events (see `afterCommitRunning`). */
  private runAfterCommit(afterCommit: () => Promise<void>): void {
    const running: Promise<void> = afterCommit()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Work after a handled event failed'))
      .finally(() => this.afterCommitRunning.delete(running));
    this.afterCommitRunning.add(running);
  }

  /** A test handing a message in directly retries as the loop would; a stopping loop stops retrying. */
  private runningOrDirect(): boolean {
    return this.running || !this.consumer;
  }
}

/** The event type and version a message's headers name (`event-type`, `event-version`, set by the outbox relay). */
function announcedEventType(headers: IHeaders | undefined): { type: string; version: number; key: string } | undefined {
  const type = headerText(headers, 'event-type');
  const version = Number(headerText(headers, 'event-version'));
  if (!type || !Number.isInteger(version)) return undefined;
  return { type, version, key: `${type}@${version}` };
}

/** A counting semaphore: at most `size` tasks run at once; the others wait in arrival order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
