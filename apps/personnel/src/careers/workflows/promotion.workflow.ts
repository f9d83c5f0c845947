import { proxyActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow, ApprovalRefusal } from '@jianfu/approvals/workflow';
import { type PromotionInput, promotionSteps, promotionWorkflowId } from '@jianfu/contracts/workflows';
import type { PromotionActivities } from './promotion.activities.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s' });
const { settlePromotion } = proxyActivities<PromotionActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

const decisions = ['approve', 'reject', 'return'];

/**
 * 晋升审批: the street party committee (街道党工委) reviews, then the district organisation department
 * (区委组织部) decides. Eligibility was checked when the request was made and is checked again when the
 * decision is applied, because places and grades may have changed while it waited.
 */
export async function promotionWorkflow(input: PromotionInput): Promise<string> {
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: 'promotion',
      subjectId: input.requestId,
      title: `${input.workerName} 晋升 ${input.toStep}`,
      districtCode: input.districtCode,
      submitterId: input.requestedBy,
      workflowId: promotionWorkflowId(input.requestId),
    },
    project: (event) => projectApprovalEvent(event),
    extraValidation: (action, step) => {
      // The district decides with district-wide authority; a street official cannot take the second step.
      const districtStep = step?.stepId === promotionSteps.districtDecision;
      if (districtStep && decisions.includes(action.kind) && (action.actor.scopeRefs ?? []).length > 0) {
        throw new ApprovalRefusal('approval.wrong-actor', 'Only the district organisation department decides here');
      }
    },
  });
  const deadline = { workingDays: input.deadlineWorkingDays, onLapse: 'expire' as const };
  const allowedActions = ['approve', 'reject', 'return', 'withdraw', 'remind'] as const;

  // The first step opens (synchronously) before the handlers are registered: registering delivers any
  // action already waiting, and that action must find the step open.
  const reviewing = flow.runStep({
    stepId: promotionSteps.streetReview,
    name: '街道党工委审核',
    reviewers: [{ slotId: 'street-party-committee', role: 'hr-officer', scopeRef: input.streetCode }],
    completion: { rule: 'any' },
    allowedActions,
    deadline,
  });
  flow.install();
  const review = await reviewing;
  const final =
    review.outcome === 'approved'
      ? await flow.runStep({
          stepId: promotionSteps.districtDecision,
          name: '区委组织部决定',
          reviewers: [{ slotId: 'organisation-department', role: 'hr-officer' }],
          completion: { rule: 'any' },
          allowedActions,
          deadline,
        })
      : review;
  return settlePromotion(input, {
    outcome: final.outcome,
    actorId: final.step.closedBy?.actorId ?? null,
    reason: final.step.closedBy?.reason ?? null,
  });
}
