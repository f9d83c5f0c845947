import { Injectable } from '@nestjs/common';
import {
  type EventDefinition,
  type EventEnvelope,
  EventSchemaValidator,
  newEventEnvelope,
  Topics,
} from '@jianfu/contracts';
import { RequestContext } from '../context/request-context.js';
import type { Transaction } from '../database/transaction-runner.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';
import { currentTraceCarrier } from '../tracing/event-trace.js';
import { OutboxRepository } from './outbox.repository.js';

/** An event to publish: its aggregate (the Kafka key), payload and where it came from. */
export interface PublishedEvent<TPayload> {
  aggregateId: string;
  payload: TPayload;
  correlationId?: string;
  causationId?: string;
}

/**
 * Records a domain event in the outbox inside the caller's transaction. Nothing is sent here: the
 * relay sends after commit, so an event is never published for a change that rolled back.
 */
@Injectable()
export class EventPublisher {
  private readonly validator: EventSchemaValidator = new EventSchemaValidator();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly kafka: KafkaConnection,
  ) {}

  async publish<TPayload>(
    manager: Transaction,
    definition: EventDefinition<TPayload>,
    event: PublishedEvent<TPayload>,
  ): Promise<EventEnvelope<TPayload>> {
    const { topic, envelope } = this.prepare(definition, event);
    await this.outbox.append(manager, topic, envelope);
    return envelope;
  }

  /**
   * The outbox entry of an event, checked against its schema, for a caller that appends it within a statement of
   * its own (`appendToOutboxSql`) rather than in a transaction of several.
   */
  prepare<TPayload>(
    definition: EventDefinition<TPayload>,
    event: PublishedEvent<TPayload>,
  ): { topic: string; envelope: EventEnvelope<TPayload> } {
    const context = RequestContext.current();
    const envelope: EventEnvelope<TPayload> = {
      ...newEventEnvelope(definition, event.aggregateId, event.payload, {
        correlationId: event.correlationId ?? context?.correlationId,
        causationId: event.causationId ?? context?.causationId,
      }),
      // The trace goes on at the consumer, however long the event waits in the outbox.
      ...currentTraceCarrier(),
    };
    this.validator.assertValid(envelope);
    return { topic: this.kafka.topic(Topics[definition.source]), envelope };
  }
}
