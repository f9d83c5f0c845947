// Bundle-safe entry: pure code and @temporalio/workflow only, for use inside workflow code.
export * from './approval-actions.js';
export * from './approval-flow.js';
export * from './approval-messages.js';
export * from './child-search-attributes.js';
export * from './china-holidays.js';
export * from './working-days.js';
