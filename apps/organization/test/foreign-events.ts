import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { type EventDefinition, type EventEnvelope, Topics } from '@jianfu/contracts';
import { currentInfrastructure, type TestIsolation } from '@jianfu/testing';

/** Writes another service's event to its real topic, as that service's outbox relay would. */
export async function publishForeignEvent<TPayload>(
  isolation: TestIsolation,
  definition: EventDefinition<TPayload>,
  aggregateId: string,
  payload: TPayload,
  envelope: Partial<EventEnvelope<TPayload>> = {},
): Promise<EventEnvelope<TPayload>> {
  const event: EventEnvelope<TPayload> = {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    source: definition.source,
    occurredAt: new Date().toISOString(),
    aggregateType: definition.aggregateType,
    aggregateId,
    correlationId: randomUUID(),
    payload,
    ...envelope,
  };
  const kafka = new Kafka({ brokers: currentInfrastructure().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: `${isolation.topicPrefix}${Topics[definition.source]}`,
      messages: [{ key: aggregateId, value: JSON.stringify(event) }],
    });
  } finally {
    await producer.disconnect();
  }
  return event;
}
