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
    event: { aggregateId: string; payload: TPayload; correlationId?: string; causationId?: string },
  ): Promise<EventEnvelope<TPayload>> {
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
    await this.outbox.append(manager, this.kafka.topic(Topics[definition.source]), envelope);
    return envelope;
  }
}
