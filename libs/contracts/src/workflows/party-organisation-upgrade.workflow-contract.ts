import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PartyOrganisationKind } from '../events/organization.events.js';

/** Input of `partyOrganisationUpgradeWorkflow`, one workflow per upgrade request. */
export interface PartyOrganisationUpgradeInput {
  requestId: string;
  communityId: string;
  fromKind: PartyOrganisationKind;
  toKind: PartyOrganisationKind;
  memberCount: number;
  requestedBy: string;
  /** How long the district organisation department has to decide, in milliseconds. */
  decisionTimeoutMs: number;
  correlationId: string;
  /** The version of the district's party-organisation policy whose thresholds justified the request. */
  policyVersion?: number;
}

export type UpgradeDecisionAction = 'approve' | 'reject';

export interface UpgradeDecision {
  action: UpgradeDecisionAction;
  reason?: string;
  actorId: string;
}

export type PartyOrganisationUpgradeState = 'awaiting-decision' | 'approved' | 'rejected' | 'expired';

export interface PartyOrganisationUpgradeStatus {
  state: PartyOrganisationUpgradeState;
  decision?: UpgradeDecision;
}

export const partyOrganisationUpgradeWorkflowType = 'partyOrganisationUpgradeWorkflow';

export function partyOrganisationUpgradeWorkflowId(requestId: string): string {
  return `party-organisation-upgrade-${requestId}`;
}

/** A human decision; the validator refuses a second decision or a rejection without reason. */
export const decidePartyOrganisationUpgrade = defineUpdate<PartyOrganisationUpgradeStatus, [UpgradeDecision]>(
  'decidePartyOrganisationUpgrade',
);

export const partyOrganisationUpgradeStatus = defineQuery<PartyOrganisationUpgradeStatus>(
  'partyOrganisationUpgradeStatus',
);
