import { proxyActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow } from '@jianfu/approvals/workflow';
import { type AssessmentCycleClosingInput, assessmentCycleClosingWorkflowId } from '@jianfu/contracts/workflows';
import type { AssessmentCycleClosingActivities } from './assessment-cycle-closing.activities.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s' });
const { settleCycleClosing } = proxyActivities<AssessmentCycleClosingActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * 考核结果审定: the organisation department approves closing a cycle whose grades are complete and within
 * the quotas. The grades themselves are rows, frozen while this runs; the workflow only decides whether
 * they become final (and paid) or go back to the graders.
 */
export async function assessmentCycleClosingWorkflow(input: AssessmentCycleClosingInput): Promise<string> {
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: 'assessment-cycle-closing',
      subjectId: input.cycleId,
      title: input.title,
      districtCode: input.districtCode,
      submitterId: input.requestedBy,
      workflowId: assessmentCycleClosingWorkflowId(input.cycleId, input.attempt),
    },
    project: (event) => projectApprovalEvent(event),
  });
  // The step opens (synchronously) before the handlers are registered: registering delivers any action
  // already waiting, and that action must find the step open.
  const running = flow.runStep({
    stepId: 'closing-approval',
    name: '考核结果审定',
    reviewers: [{ slotId: 'organisation-department', role: 'hr-officer', label: '组织部' }],
    completion: { rule: 'any' },
    allowedActions: ['approve', 'reject', 'return', 'withdraw', 'remind'],
    maxReminders: 3,
    deadline: { workingDays: input.deadlineWorkingDays, onLapse: 'expire' },
  });
  flow.install();
  const result = await running;
  await settleCycleClosing(input, {
    outcome: result.outcome,
    actorId: result.step.closedBy?.actorId ?? null,
    reason: result.step.closedBy?.reason ?? null,
  });
  return result.outcome;
}
