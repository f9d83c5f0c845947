export * from './in-memory-transactions.js';
export * from './fixed-policy-book.js';
export * from './recording-event-publisher.js';
export * from './recording-workflow-starts.js';
export * from '../principals.js';
export * from './recording-temporal-client.js';
