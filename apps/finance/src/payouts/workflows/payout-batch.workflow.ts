import { proxyActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow } from '@jianfu/approvals/workflow';
import { type PayoutBatchInput, type PayoutBatchOutcome, payoutBatchWorkflowId } from '@jianfu/contracts/workflows';
import type { PayoutBatchActivities } from './payout-batch.activities.js';

const retry = { initialInterval: '1s', maximumInterval: '30s' } as const;
const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s', retry });
const { payPayoutBatch, closePayoutBatch } = proxyActivities<PayoutBatchActivities>({
  startToCloseTimeout: '1m',
  retry,
});

/**
 * 绩效奖金/荣誉奖励发放: one finance approval step (the shared approval kit: approve, reject with reason,
 * reminders, a working-day deadline), then the payment of every line, once.
 */
export async function payoutBatchWorkflow(input: PayoutBatchInput): Promise<PayoutBatchOutcome> {
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: 'payout-batch',
      subjectId: input.batchId,
      title: input.title,
      districtCode: input.districtCode,
      submitterId: 'personnel',
      workflowId: payoutBatchWorkflowId(input.batchId),
    },
    project: (event) => projectApprovalEvent(event),
  });
  flow.install();

  const { outcome, step } = await flow.runStep({
    stepId: 'finance-approval',
    name: '财政审批',
    reviewers: [{ slotId: 'finance', role: 'finance-officer' }],
    completion: { rule: 'any' },
    allowedActions: ['approve', 'reject', 'transfer', 'remind'],
    maxReminders: 3,
    deadline: { workingDays: input.decisionWorkingDays, onLapse: 'expire' },
  });
  let result: PayoutBatchOutcome;
  if (outcome === 'approved') {
    await payPayoutBatch(input.batchId, step.closedBy?.actorId ?? null);
    result = 'paid';
  } else {
    result = outcome === 'rejected' ? 'rejected' : 'expired';
    await closePayoutBatch(input.batchId, result, step.closedBy?.actorId ?? null, step.closedBy?.reason ?? null);
  }
  await flow.finish();
  return result;
}
