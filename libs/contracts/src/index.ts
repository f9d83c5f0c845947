export * from './events/event-envelope.js';
export * from './events/event-definition.js';
export * from './events/event-catalogue.js';
export * from './events/event-schema-validator.js';
export * from './events/organization.events.js';
