import type { EventEnvelope, ServiceName } from './event-envelope.js';

/**
 * A documented, versioned event type. The JSON Schema is the contract other services rely on:
 * producers validate before writing to the outbox, consumers validate before handling.
 * A breaking change gets a new `version`, never an edit of an old schema.
 */
export interface EventDefinition<TPayload> {
  readonly type: string;
  readonly version: number;
  readonly source: ServiceName;
  readonly aggregateType: string;
  readonly description: string;
  readonly schema: Readonly<Record<string, unknown>>;
  /** Phantom field carrying the payload type; never set at run time. */
  readonly __payload?: TPayload;
}

export type PayloadOf<TDefinition> = TDefinition extends EventDefinition<infer P> ? P : never;

export function defineEvent<TPayload>(
  definition: Omit<EventDefinition<TPayload>, '__payload'>,
): EventDefinition<TPayload> {
  return definition;
}

export function isEventOf<TPayload>(
  definition: EventDefinition<TPayload>,
  envelope: EventEnvelope,
): envelope is EventEnvelope<TPayload> {
  return envelope.type === definition.type && envelope.version === definition.version;
}
