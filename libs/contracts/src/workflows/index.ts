export * from './party-organisation-upgrade.workflow-contract.js';
export * from './personnel.workflow-contract.js';
export * from './task-fund-transfer.workflow-contract.js';
export * from './base-allocation.workflow-contract.js';
export * from './payout-batch.workflow-contract.js';
export * from './search-attributes.js';
export * from './opinion-request.workflow-contract.js';
export * from './meeting-summons.workflow-contract.js';
