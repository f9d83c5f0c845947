import { type EventEnvelope, type ServiceName, type TopicName, Topics } from './event-envelope.js';

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
  /** The topic it travels on when not its source's own (`Topics[source]`); see `topicOf`. */
  readonly topic?: TopicName;
  /**
   * Topics it travelled on before: a consumer of the event reads them too, so events published there before the
   * move (still in the outbox or not yet consumed) are not lost.
   */
  readonly formerTopics?: readonly TopicName[];
  /** Phantom field carrying the payload type; never set at run time. */
  readonly __payload?: TPayload;
}

export type PayloadOf<TDefinition> = TDefinition extends EventDefinition<infer P> ? P : never;

export function defineEvent<TPayload>(
  definition: Omit<EventDefinition<TPayload>, '__payload'>,
): EventDefinition<TPayload> {
  return definition;
}

/** The topic an event is published on (without a deployment's prefix). */
export function topicOf(definition: Pick<EventDefinition<unknown>, 'source' | 'topic'>): TopicName {
  return definition.topic ?? Topics[definition.source];
}

/** The topics a consumer of an event reads: where it is published, and where it was before. */
export function topicsToRead(
  definition: Pick<EventDefinition<unknown>, 'source' | 'topic' | 'formerTopics'>,
): TopicName[] {
  return [topicOf(definition), ...(definition.formerTopics ?? [])];
}

export function isEventOf<TPayload>(
  definition: EventDefinition<TPayload>,
  envelope: EventEnvelope,
): envelope is EventEnvelope<TPayload> {
  return envelope.type === definition.type && envelope.version === definition.version;
}
