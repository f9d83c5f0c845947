export * from './party-organisation-upgrade.workflow-contract.js';
