import type { EventDefinition, EventEnvelope } from '@jianfu/contracts';
import type { PlatformConfig } from '@jianfu/platform';
import { ForeignEventPublisher } from './foreign-events.js';
import type { TestIsolation } from './isolation.js';
import type { ServiceWithWorker } from './service-with-worker.js';

/**
 * A service with its worker under test, fed the other services' events through Kafka: the common part of
 * each service's own test support, which adds the moves its suites share.
 */
export abstract class EventFedService<TConfig extends PlatformConfig> {
  abstract readonly api: ServiceWithWorker<TConfig>;
  private events?: Promise<ForeignEventPublisher>;

  protected constructor(
    readonly isolation: TestIsolation,
    private readonly service: string,
  ) {}

  get http() {
    return this.api.http;
  }

  get environment(): Record<string, string> {
    return this.api.environment;
  }

  get db() {
    return this.api.db;
  }

  /** The service's own Postgres schema in this suite. */
  get schema(): string {
    return this.isolation.schema(this.service);
  }

  startWorker(): Promise<void> {
    return this.api.startWorker();
  }

  /** Stops the worker the way a crash-and-restart would cut it off: running workflows stay in Temporal. */
  stopWorker(): Promise<void> {
    return this.api.stopWorker();
  }

  /** Publishes another service's event to its producer's topic as that service's outbox relay would. */
  async publish<TPayload>(
    definition: EventDefinition<TPayload>,
    aggregateId: string,
    payload: TPayload,
    overrides: Partial<EventEnvelope<TPayload>> = {},
  ): Promise<EventEnvelope<TPayload>> {
    this.events ??= ForeignEventPublisher.connect(this.isolation);
    return (await this.events).publish(definition, aggregateId, payload, overrides);
  }

  async close(): Promise<void> {
    await this.api?.close();
    await (await this.events)?.close();
  }
}
