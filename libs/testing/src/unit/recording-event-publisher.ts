import { type EventDefinition, type EventEnvelope, EventSchemaValidator, newEventEnvelope } from '@jianfu/contracts';
import { EventPublisher, type Transaction } from '@jianfu/platform';
import type { TransactionParticipant } from './in-memory-transactions.js';

/**
 * The outbox of a unit test: records each event a handler publishes, after the same schema check the real
 * publisher makes (so a payload the contract refuses fails the test), and forgets those of a rolled-back transaction.
 */
export class RecordingEventPublisher extends EventPublisher implements TransactionParticipant {
  readonly published: EventEnvelope[] = [];
  private readonly schemas: EventSchemaValidator = new EventSchemaValidator();

  constructor() {
    super(undefined as never, undefined as never);
  }

  override publish<TPayload>(
    _tx: Transaction,
    definition: EventDefinition<TPayload>,
    event: { aggregateId: string; payload: TPayload; correlationId?: string; causationId?: string },
  ): Promise<EventEnvelope<TPayload>> {
    const envelope = newEventEnvelope(definition, event.aggregateId, event.payload, event);
    this.schemas.assertValid(envelope);
    this.published.push(envelope);
    return Promise.resolve(envelope);
  }

  /** The payloads published of one event type, in order. */
  payloadsOf<TPayload>(definition: EventDefinition<TPayload>): TPayload[] {
    return this.published
      .filter((event) => event.type === definition.type && event.version === definition.version)
      .map((event) => event.payload as TPayload);
  }

  /** Every published event's type, in order: what a handler announced, at a glance. */
  get types(): string[] {
    return this.published.map((event) => event.type);
  }

  snapshot(): () => void {
    const length = this.published.length;
    return () => void this.published.splice(length);
  }
}
