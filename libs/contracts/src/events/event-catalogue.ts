import type { EventDefinition } from './event-definition.js';
import { organizationEvents } from './organization.events.js';

/** Every event type the platform knows, for schema validation and the generated documentation. */
export const eventCatalogue: readonly EventDefinition<unknown>[] = [...organizationEvents];

export function findEventDefinition(type: string, version: number): EventDefinition<unknown> | undefined {
  return eventCatalogue.find((definition) => definition.type === type && definition.version === version);
}
