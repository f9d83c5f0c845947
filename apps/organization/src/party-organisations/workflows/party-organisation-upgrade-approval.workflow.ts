import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow } from '@jianfu/approvals/workflow';
import {
  type PartyOrganisationUpgradeApprovalInput,
  type PartyOrganisationUpgradeStatus,
  partyOrganisationUpgradeStatus,
  partyOrganisationUpgradeStepId,
  partyOrganisationUpgradeSubjectType,
  partyOrganisationUpgradeWorkflowId,
} from '@jianfu/contracts/workflows';
import type { PartyOrganisationUpgradeActivities, UpgradeOutcome } from './party-organisation-upgrade.activities.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s' });
const { recordUpgradeOutcome } = proxyActivities<PartyOrganisationUpgradeActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

const kindLabels = { branch: '支部', 'general-branch': '总支', committee: '党委' } as const;

/**
 * 党组织升格审批 on the shared approval kit: one step of the district organisation department (区委组织部), held
 * district-wide by the `hr-officer` role, with a working-day deadline after which the request lapses. The kit gives
 * it the inbox (待办/已办/抄送), the audit trail, the actions (approve, reject, withdraw, transfer, add a reviewer,
 * copy, remind) and the step events; the outcome is then recorded (and, when approved, the upgrade announced).
 */
export async function partyOrganisationUpgradeApprovalWorkflow(
  input: PartyOrganisationUpgradeApprovalInput,
): Promise<PartyOrganisationUpgradeStatus> {
  let status: PartyOrganisationUpgradeStatus = { state: 'awaiting-decision' };
  setHandler(partyOrganisationUpgradeStatus, () => status);
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: partyOrganisationUpgradeSubjectType,
      subjectId: input.requestId,
      title: `${input.communityName} 党组织升格（${kindLabels[input.fromKind]}→${kindLabels[input.toKind]}）`,
      districtCode: input.districtCode,
      submitterId: input.requestedBy,
      workflowId: partyOrganisationUpgradeWorkflowId(input.requestId),
    },
    project: (event) => projectApprovalEvent(event),
  });
  flow.install();
  const { outcome, step } = await flow.runStep({
    stepId: partyOrganisationUpgradeStepId,
    name: '区委组织部审批',
    reviewers: [{ slotId: 'organisation-department', role: 'hr-officer', scope: { level: 'district' } }],
    completion: { rule: 'any' },
    allowedActions: ['approve', 'reject', 'withdraw', 'transfer', 'add-reviewer', 'copy', 'remind'],
    maxReminders: 3,
    deadline: { workingDays: input.decisionWorkingDays, onLapse: 'expire' },
  });
  const closedBy = step.closedBy;
  let result: UpgradeOutcome;
  if (outcome === 'approved' || outcome === 'rejected') {
    result = {
      outcome,
      decision: {
        action: outcome === 'approved' ? 'approve' : 'reject',
        actorId: closedBy?.actorId ?? 'system',
        ...(closedBy?.reason ? { reason: closedBy.reason } : {}),
      },
    };
  } else if (outcome === 'withdrawn') {
    result = { outcome, actorId: closedBy?.actorId ?? input.requestedBy };
  } else {
    // No return step here (nothing to amend): a lapse or any other close expires the request.
    result = { outcome: 'expired' };
  }
  await recordUpgradeOutcome(input, result);
  status =
    result.outcome === 'approved' || result.outcome === 'rejected'
      ? { state: result.outcome, decision: result.decision }
      : { state: result.outcome };
  await flow.finish();
  return status;
}
