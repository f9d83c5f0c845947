import { approvalRefusalStatus, type ApprovalRefusalCode } from '@jianfu/approvals';
import { defineErrorCodes, type ProblemStatus } from '@jianfu/platform';

const refusals: Record<ApprovalRefusalCode, string> = {
  'approval.step-not-open': 'The approval step is not open for actions (already decided, or not reached yet)',
  'approval.action-not-allowed': 'The step does not allow this action',
  'approval.wrong-actor': 'The caller is not a reviewer of the open step',
  'approval.out-of-scope': 'The step’s scope (street, community, department) does not include the caller',
  'approval.self-decision': 'The submitter may not decide their own request',
  'approval.reason-required': 'Rejecting or returning needs a reason',
  'approval.target-required': 'The action needs a target user',
  'approval.already-decided': 'The caller already acted on this step',
  'approval.remind-limit': 'The step has had as many reminders as it allows',
  'approval.refused': 'The approval refused the action',
};

/**
 * The refusals of an approval action (审批) sent to an approval workflow, with the status the approval kit
 * answers for each, and `approval.closed` once the approval has finished or was never started.
 */
export const ApprovalErrors = defineErrorCodes({
  ...(Object.fromEntries(
    (Object.keys(refusals) as ApprovalRefusalCode[]).map((code) => [
      code,
      { status: approvalRefusalStatus[code], description: refusals[code] },
    ]),
  ) as Record<ApprovalRefusalCode, { status: ProblemStatus; description: string }>),
  'approval.closed': {
    status: 409,
    description: 'The approval has finished (or was never started); no action changes it',
  },
});
