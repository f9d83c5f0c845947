// The entry of this service's workflow bundle: workflows only, so the bundle holds no I/O code.
export { partyOrganisationUpgradeWorkflow } from './party-organisations/workflows/party-organisation-upgrade.workflow.js';
export { partyOrganisationUpgradeApprovalWorkflow } from './party-organisations/workflows/party-organisation-upgrade-approval.workflow.js';
