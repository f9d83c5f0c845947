import { eventCatalogue } from './event-catalogue.js';
import type { EventDefinition } from './event-definition.js';
import { eventEnvelopeSchema, type ServiceName, Topics } from './event-envelope.js';

/** The message id of one event type and version, e.g. `admission.task.admitted.v1`. */
export function eventMessageId(definition: Pick<EventDefinition<unknown>, 'type' | 'version'>): string {
  return `${definition.type}.v${definition.version}`;
}

/**
 * The AsyncAPI 3.0 description of every topic and event, generated from the event catalogue so the two
 * can never disagree: one channel per producer's topic, one message per event type and version (the
 * envelope with that event's payload schema), one send operation per producer.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const services = Object.keys(Topics) as ServiceName[];
  const messages = Object.fromEntries(
    eventCatalogue.map((definition) => [
      eventMessageId(definition),
      {
        name: definition.type,
        title: `${definition.type} v${definition.version}`,
        summary: definition.description,
        contentType: 'application/json',
        headers: {
          type: 'object',
          properties: { 'content-type': { const: 'application/json' } },
        },
        payload: {
          allOf: [
            { $ref: '#/components/schemas/EventEnvelope' },
            {
              type: 'object',
              properties: {
                type: { const: definition.type },
                version: { const: definition.version },
                source: { const: definition.source },
                aggregateType: { const: definition.aggregateType },
                payload: definition.schema,
              },
            },
          ],
        },
        bindings: { kafka: { key: { type: 'string', description: 'aggregateId' } } },
      },
    ]),
  );
  const channels = Object.fromEntries(
    services.map((service) => [
      service,
      {
        address: Topics[service],
        description: `Events ${service} publishes through its transactional outbox, keyed by aggregate id.`,
        messages: Object.fromEntries(
          eventCatalogue
            .filter((definition) => definition.source === service)
            .map((definition) => [
              eventMessageId(definition),
              { $ref: `#/components/messages/${eventMessageId(definition)}` },
            ]),
        ),
      },
    ]),
  );
  const operations = Object.fromEntries(
    services.map((service) => [
      `${service}-publishes`,
      {
        action: 'send',
        channel: { $ref: `#/channels/${service}` },
        summary: `${service} publishes after its state change commits`,
      },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'jianfu 减负 events',
      version: '1',
      description:
        'Domain events between the organization, admission, finance and personnel services. A topic names its ' +
        'producer and envelope version; consumers are idempotent by envelope id. A published event version never ' +
        'changes; a breaking change is a new version.',
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'Any Kafka the deployment names in KAFKA_BROKERS',
      },
    },
    channels,
    operations,
    components: { schemas: { EventEnvelope: eventEnvelopeSchema }, messages },
  };
}
