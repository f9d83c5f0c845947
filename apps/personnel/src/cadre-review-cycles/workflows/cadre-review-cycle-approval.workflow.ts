import { proxyActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow, ApprovalRefusal } from '@jianfu/approvals/workflow';
import { type CadreReviewCycleApprovalInput, cadreReviewCycleApprovalWorkflowId } from '@jianfu/contracts/workflows';
import type { CadreReviewCycleActivities } from './cadre-review-cycle-approval.activities.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s' });
const { settleCadreReviewCycle } = proxyActivities<CadreReviewCycleActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * 年度干部考评审批: the street committee proposed the results (干部考核实行街社主管); the district organisation
 * department (区委组织部) approves, rejects, or returns them for amendment. One step with a working-day deadline.
 */
export async function cadreReviewCycleApprovalWorkflow(input: CadreReviewCycleApprovalInput): Promise<string> {
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: 'cadre-review-cycle',
      subjectId: input.cycleId,
      title: input.title,
      districtCode: input.districtCode,
      submitterId: input.proposedBy,
      workflowId: cadreReviewCycleApprovalWorkflowId(input.cycleId, input.round),
    },
    project: (event) => projectApprovalEvent(event),
    extraValidation: (action) => {
      // The district decides with district-wide authority; a street official cannot approve its own proposal.
      if (['approve', 'reject', 'return'].includes(action.kind) && (action.actor.scopeRefs ?? []).length > 0) {
        throw new ApprovalRefusal('approval.wrong-actor', 'Only the district organisation department decides here');
      }
    },
  });
  const deciding = flow.runStep({
    stepId: 'district-decision',
    name: '区委组织部审定',
    reviewers: [{ slotId: 'organisation-department', role: 'hr-officer' }],
    completion: { rule: 'any' },
    allowedActions: ['approve', 'reject', 'return', 'withdraw', 'remind'],
    deadline: { workingDays: input.deadlineWorkingDays, onLapse: 'expire' },
  });
  flow.install();
  const decided = await deciding;
  const status = await settleCadreReviewCycle(input, {
    outcome: decided.outcome,
    actorId: decided.step.closedBy?.actorId ?? null,
  });
  await flow.finish();
  return status;
}
