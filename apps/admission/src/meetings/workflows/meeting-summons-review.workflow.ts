import { proxyActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow } from '@jianfu/approvals/workflow';
import {
  type MeetingSummonsReviewInput,
  meetingSummonsReviewStepId,
  meetingSummonsReviewWorkflowId,
  meetingSummonsSubjectType,
} from '@jianfu/contracts/workflows';
import type { MeetingReviewOutcome, MeetingSummonsActivities } from './meeting-summons-review.activities.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s' });
const { recordMeetingReviewOutcome } = proxyActivities<MeetingSummonsActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/**
 * 会议审核 on the shared approval kit: a summons over the district's monthly allowance (精简社区会议) waits for a
 * district admission reviewer (或签), with a working-day deadline after which it lapses unadmitted. The kit gives
 * it the inbox, audit trail, actions and step events; the outcome is then recorded (and, when approved, announced).
 */
export async function meetingSummonsReviewWorkflow(input: MeetingSummonsReviewInput): Promise<string> {
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: meetingSummonsSubjectType,
      subjectId: input.summonsId,
      title: `会议通知：${input.title}`,
      districtCode: input.districtCode,
      submitterId: input.submittedBy,
      workflowId: meetingSummonsReviewWorkflowId(input.summonsId),
    },
    project: (event) => projectApprovalEvent(event),
  });
  flow.install();
  const { outcome, step } = await flow.runStep({
    stepId: meetingSummonsReviewStepId,
    name: '会议审核（超出月度限额）',
    reviewers: [{ slotId: 'district-review', role: 'admission-reviewer', scope: { level: 'district' } }],
    completion: { rule: 'any' },
    allowedActions: ['approve', 'reject', 'withdraw', 'transfer', 'add-reviewer', 'copy', 'remind'],
    maxReminders: 3,
    deadline: { workingDays: input.reviewWorkingDays, onLapse: 'expire' },
  });
  const closedBy = step.closedBy;
  const result: MeetingReviewOutcome =
    outcome === 'approved' || outcome === 'rejected' || outcome === 'withdrawn'
      ? {
          outcome,
          actorId: closedBy?.actorId ?? input.submittedBy,
          ...(closedBy?.reason ? { reason: closedBy.reason } : {}),
        }
      : { outcome: 'expired' };
  await recordMeetingReviewOutcome(input, result);
  await flow.finish();
  return result.outcome;
}
