import { admissionEvents } from './admission.events.js';
import { approvalStepEvents } from './approval.events.js';
import type { EventDefinition } from './event-definition.js';
import { financeEvents } from './finance.events.js';
import { organizationEvents } from './organization.events.js';
import { personnelEvents } from './personnel.events.js';

/** Every event type the platform knows, for schema validation and the generated documentation. */
export const eventCatalogue: readonly EventDefinition<unknown>[] = [
  ...organizationEvents,
  ...admissionEvents,
  ...financeEvents,
  ...personnelEvents,
  ...approvalStepEvents,
];

export function findEventDefinition(type: string, version: number): EventDefinition<unknown> | undefined {
  return eventCatalogue.find((definition) => definition.type === type && definition.version === version);
}
