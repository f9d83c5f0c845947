/**
 * The envelope every domain event travels in, on every topic.
 *
 * `id` is the idempotency key consumers record in their inbox; `aggregateId` is the Kafka message key,
 * so all events of one aggregate stay ordered on one partition.
 */
export interface EventEnvelope<TPayload = unknown> {
  id: string;
  type: string;
  version: number;
  source: ServiceName;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  correlationId: string;
  causationId?: string;
  /**
   * The W3C trace context of the transaction that recorded the event, when it was traced: consumers continue
   * that trace. Optional and informative; an event means the same without it.
   */
  traceparent?: string;
  tracestate?: string;
  payload: TPayload;
}

export type ServiceName = 'organization' | 'admission' | 'finance' | 'personnel';

/** Kafka topics name their producer and the envelope version they carry. */
export const Topics = {
  organization: 'organization.events.v1',
  admission: 'admission.events.v1',
  finance: 'finance.events.v1',
  personnel: 'personnel.events.v1',
} as const satisfies Record<ServiceName, string>;

export type TopicName = (typeof Topics)[ServiceName];

/**
 * The JSON Schema of the envelope: what consumers validate before handling, and what the AsyncAPI document
 * publishes around every event's payload schema.
 */
export const eventEnvelopeSchema = {
  type: 'object',
  required: [
    'id',
    'type',
    'version',
    'source',
    'occurredAt',
    'aggregateType',
    'aggregateId',
    'correlationId',
    'payload',
  ],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'The idempotency key a consumer records in its inbox' },
    type: { type: 'string', minLength: 1 },
    version: { type: 'integer', minimum: 1 },
    source: { enum: Object.keys(Topics) },
    occurredAt: { type: 'string', format: 'date-time' },
    aggregateType: { type: 'string', minLength: 1 },
    aggregateId: {
      type: 'string',
      minLength: 1,
      description: 'The Kafka message key: one aggregate’s events stay ordered',
    },
    correlationId: { type: 'string', minLength: 1 },
    causationId: { type: 'string' },
    traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description: 'W3C trace context of the producing transaction (optional)',
    },
    tracestate: { type: 'string' },
    payload: {},
  },
};
