import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PartyOrganisationKind } from '../events/organization.events.js';
import type { RevisionedWorkflowInput } from './workflow-revision.js';

/**
 * Input of `partyOrganisationUpgradeWorkflow`, one workflow per upgrade request: the first form, with its own
 * Update and a deadline in milliseconds. Requests opened since run `partyOrganisationUpgradeApprovalWorkflow`;
 * this one stays registered for those still waiting.
 */
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

export type PartyOrganisationUpgradeState = 'awaiting-decision' | 'approved' | 'rejected' | 'expired' | 'withdrawn';

export interface PartyOrganisationUpgradeStatus {
  state: PartyOrganisationUpgradeState;
  decision?: UpgradeDecision;
}

export const partyOrganisationUpgradeWorkflowType = 'partyOrganisationUpgradeWorkflow';

/**
 * Input of `partyOrganisationUpgradeApprovalWorkflow`: the upgrade decided on the shared approval kit (one step of
 * the district organisation department, working-day deadline, the kit's actions, inbox and audit trail).
 */
export interface PartyOrganisationUpgradeApprovalInput extends RevisionedWorkflowInput {
  requestId: string;
  communityId: string;
  communityName: string;
  districtCode: string;
  fromKind: PartyOrganisationKind;
  toKind: PartyOrganisationKind;
  memberCount: number;
  requestedBy: string;
  /** Working days the district organisation department has to decide before the request lapses. */
  decisionWorkingDays: number;
  correlationId: string;
  /** The version of the district's party-organisation policy whose thresholds justified the request. */
  policyVersion?: number;
}

export const partyOrganisationUpgradeApprovalWorkflowType = 'partyOrganisationUpgradeApprovalWorkflow';

/** The approval kit's subject type and step of an upgrade request (inbox, audit, events). */
export const partyOrganisationUpgradeSubjectType = 'party-organisation-upgrade';
export const partyOrganisationUpgradeStepId = 'organisation-department';

/** Both workflow types of a request share the id, so a request has one approval whichever form it runs. */
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
