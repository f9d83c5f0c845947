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
