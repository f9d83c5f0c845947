import { defineErrorCodes } from '@jianfu/platform';
import type { ApprovalRefusalCode } from './workflow/approval-actions.js';

/**
 * The codes a human action on any approval may answer (`sendApprovalAction`), whichever service owns the
 * approval: the workflow validator's refusals, and `approval.closed` once the workflow has finished.
 */
export const ApprovalErrors = defineErrorCodes({
  'approval.step-not-open': { status: 409, description: 'The step acted on is not open (decided, or not yet reached)' },
  'approval.action-not-allowed': { status: 409, description: 'The step does not allow this action' },
  'approval.wrong-actor': {
    status: 403,
    description: 'The caller holds no open slot of the step (wrong user or role), or may not take this action',
  },
  'approval.out-of-scope': {
    status: 403,
    description: "The caller holds the slot's role, but its organisation scope does not reach the slot's",
  },
  'approval.self-decision': {
    status: 403,
    description: 'The submitter (or its department) may not decide on its own request',
  },
  'approval.reason-required': { status: 400, description: 'Rejecting or returning needs a reason' },
  'approval.target-required': {
    status: 400,
    description: 'Transfer, add-reviewer and copy need `targetUserId` (add-reviewer also `targetRole`)',
  },
  'approval.already-decided': { status: 409, description: 'The caller has already decided in this step' },
  'approval.remind-limit': { status: 409, description: 'The step has had all the reminders it allows' },
  'approval.refused': { status: 409, description: 'The approval refused the action for another reason' },
  'approval.closed': { status: 409, description: 'The approval has finished; no action can change it now' },
});

// Every refusal the workflow validator can raise is declared above (a missing one fails the type-check).
const _everyRefusalDeclared: Record<ApprovalRefusalCode, unknown> = ApprovalErrors;
void _everyRefusalDeclared;
