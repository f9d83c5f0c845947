import type { EventDefinition } from './event-definition.js';
import type { EventEnvelope } from './event-envelope.js';

/**
 * A new envelope for one event of `definition`, recorded now under a new id; a new correlation unless the event
 * continues one. The global `crypto`, not `node:crypto`: this package also reaches workflow bundles.
 */
export function newEventEnvelope<TPayload>(
  definition: EventDefinition<TPayload>,
  aggregateId: string,
  payload: TPayload,
  ids: { correlationId?: string | undefined; causationId?: string | undefined } = {},
): EventEnvelope<TPayload> {
  return {
    id: crypto.randomUUID(),
    type: definition.type,
    version: definition.version,
    source: definition.source,
    occurredAt: new Date().toISOString(),
    aggregateType: definition.aggregateType,
    aggregateId,
    correlationId: ids.correlationId ?? crypto.randomUUID(),
    payload,
    ...(ids.causationId ? { causationId: ids.causationId } : {}),
  };
}
