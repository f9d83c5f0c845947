import { ActivityFailure, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow, type ApprovalStepResult } from '@jianfu/approvals/workflow';
import {
  startedAtRevision,
  takesPatch,
  type TaskFundDecision,
  taskFundApprovalStep,
  taskFundResubmissionStep,
  type TaskFundTransferInput,
  taskFundTransferKey,
  type TaskFundTransferStatus,
  taskFundTransferStatus,
  taskFundTransferWorkflowId,
} from '@jianfu/contracts/workflows';
import type { TaskFundTransferActivities } from './task-fund-transfer.activities.js';

// Activities retry without limit on I/O failures (a database or broker outage must not lose a transfer);
// rule refusals come back as non-retryable failures.
const retry = { initialInterval: '1s', maximumInterval: '30s' } as const;
const activities = proxyActivities<TaskFundTransferActivities>({ startToCloseTimeout: '1m', retry });
const local = proxyLocalActivities<TaskFundTransferActivities>({ startToCloseTimeout: '1m', retry });
/**
 * Since this patch the reservation and the recorded states run as local activities, in the workflow task that
 * needs them, rather than one round trip through the task queue (and one more workflow task) each: the step
 * the finance officer acts on opens within milliseconds of the transfer's start. Both were written to run more
 * than once with one effect (the reservation is keyed by the transfer, a state change is a plain overwrite).
 */
export const taskFundsLocalActivitiesPatch = 'task-funds-local-activities';
const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s', retry });

/** Communities paid per activity: large enough to be quick, small enough for one short transaction. */
const disbursementGroupSize = 50;

function decisionOf(result: ApprovalStepResult, action: TaskFundDecision['action']): TaskFundDecision {
  const closedBy = result.step.closedBy;
  return {
    action: closedBy?.kind === 'deadline' ? 'deadline' : action,
    actorId: closedBy?.actorId ?? 'system',
    ...(closedBy?.reason ? { reason: closedBy.reason } : {}),
  };
}

/**
 * 费随事转, the task fund transfer saga: reserve the department's budget → the finance officer decides
 * (approve / reject / return to the department) on the shared approval kit, with a working-day deadline
 * and reminders → pay every target community's task account → confirm and tell admission. Any refusal,
 * lapse or failure after the reservation runs the compensation: undo payments made, release the
 * reservation, report the failure.
 */
export async function taskFundTransferWorkflow(input: TaskFundTransferInput): Promise<TaskFundTransferStatus> {
  const status: TaskFundTransferStatus = { state: 'reserving', decisions: [] };
  // An instalment of a task funded per period is its own transfer; for a task funded once the key is the task id.
  const transferKey = taskFundTransferKey(input);
  const flow = new ApprovalFlow({
    subject: {
      subjectType: 'task-fund-transfer',
      subjectId: transferKey,
      title: input.title,
      districtCode: input.districtCode,
      departmentId: input.departmentId,
      submitterId: `department:${input.departmentId}`,
      workflowId: taskFundTransferWorkflowId(input.taskId, input.period),
    },
    project: (event) => projectApprovalEvent(event),
    workflowRevision: input.workflowRevision,
  });
  flow.install();
  setHandler(taskFundTransferStatus, () => status);
  const deadline = {
    workingDays: input.decisionWorkingDays,
    remindAfterWorkingDays: input.reminderAfterWorkingDays,
    onLapse: 'expire',
  } as const;

  const quick = takesPatch(input, taskFundsLocalActivitiesPatch) ? local : activities;
  // From revision 1 the payments, the confirmation and the failure run locally too, in the workflow task of the
  // decision: each was written to run more than once with one effect (every ledger transfer and state change is
  // keyed by the transfer), and a queued activity costs a round trip through the task queue and one more
  // workflow task each. A retry past the local retry threshold waits on a timer, so an outage still never fails
  // the saga.
  const settle = startedAtRevision(input, 1) ? local : activities;

  async function fail(code: string, reason: string, decision?: TaskFundDecision): Promise<TaskFundTransferStatus> {
    await settle.failTaskFundTransfer(input, { code, reason }, decision);
    status.state = 'failed';
    status.failure = { code, reason };
    await flow.finish();
    return status;
  }

  const communityIds = input.funding.map((line) => line.communityId);
  // A transfer of one payment group is recorded, paid and confirmed by one local activity (revision 3 on), which from
  // revision 5 also stores the finance decision that approved it (`projectWith`, below).
  const settlesAtOnce = startedAtRevision(input, 3) && communityIds.length <= disbursementGroupSize;
  const decisionWithSettlement = settlesAtOnce && startedAtRevision(input, 5);
  // From revision 4 the reservation brings the calendar the finance decision's deadline counts by, and from revision
  // 5 it records the state awaiting the decision in its own transaction: one local activity where there were three.
  const reservation = startedAtRevision(input, 5)
    ? await local.reserveTaskFunds(input, { withCalendar: true, awaitingDecision: true })
    : startedAtRevision(input, 4)
      ? await local.reserveTaskFunds(input, { withCalendar: true })
      : await quick.reserveTaskFunds(input);
  if (!reservation.ok) return fail(reservation.code, reservation.reason);
  if (reservation.calendar) flow.useCalendar(reservation.calendar);

  for (let round = 1; ; round++) {
    // Before revision 5 the step opens before the stored state says so. From revision 5 the first round's state is
    // stored with the reservation, moments before the step opens: an action sent in between waits for the step.
    const decided = flow.runStep(
      {
        stepId: taskFundApprovalStep(round),
        name: '财政审批',
        reviewers: [{ slotId: 'finance', role: 'finance-officer' }],
        completion: { rule: 'any' },
        allowedActions: ['approve', 'reject', 'return', 'transfer', 'remind'],
        maxReminders: 3,
        deadline,
      },
      decisionWithSettlement ? { holdClose: (outcome) => outcome === 'approved' } : {},
    );
    status.state = 'awaiting-decision';
    if (round > 1 || !startedAtRevision(input, 5)) await quick.recordTaskFundState(transferKey, 'awaiting-decision');
    const result = await decided;
    if (result.outcome === 'approved') {
      status.decisions.push(decisionOf(result, 'approve'));
      break;
    }
    if (result.outcome === 'rejected') {
      const decision = decisionOf(result, 'reject');
      status.decisions.push(decision);
      return fail('transfer.rejected', decision.reason ?? 'rejected by finance', decision);
    }
    if (result.outcome !== 'returned') {
      status.decisions.push(decisionOf(result, 'deadline'));
      return fail('transfer.expired', 'No finance decision before the deadline');
    }

    const returned = decisionOf(result, 'return');
    status.decisions.push(returned);
    const resubmitted = flow.runStep({
      stepId: taskFundResubmissionStep(round),
      name: '部门核对后重新提交',
      reviewers: [{ slotId: 'department', role: 'department-submitter', scopeRef: input.departmentId }],
      completion: { rule: 'any' },
      allowedActions: ['approve', 'remind'],
      submitterActs: true,
      deadline,
    });
    status.state = 'returned';
    await quick.recordTaskFundState(transferKey, 'returned', returned);
    const answer = await resubmitted;
    if (answer.outcome !== 'approved') {
      return fail('transfer.expired', `Returned by finance (${returned.reason ?? ''}) and not resubmitted in time`);
    }
    status.decisions.push(decisionOf(answer, 'resubmit'));
  }

  status.state = 'disbursing';
  const approval = status.decisions[status.decisions.length - 1];
  /** Runs the payments; a payment refused for good (not an outage, which is retried) ends the saga in its compensation. */
  const paying = async (payments: () => Promise<void>): Promise<'paid' | TaskFundTransferStatus> => {
    try {
      await payments();
      return 'paid';
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      return fail('transfer.disbursement-failed', error.cause?.message ?? error.message);
    }
  };
  if (settlesAtOnce) {
    // From revision 3 a transfer of one payment group is recorded, paid and confirmed by one local activity, in one
    // transaction, where it took three; from revision 5 that transaction stores the approving decision as well (if
    // the payment is refused, the kit stores the decision alone and the saga compensates).
    const paid = await paying(() =>
      decisionWithSettlement
        ? flow.projectWith((events) => local.settleTaskFunds(input, approval, events))
        : local.settleTaskFunds(input, approval),
    );
    if (paid !== 'paid') return paid;
  } else {
    // Larger transfers are paid group by group, each a short transaction, between the two recorded states.
    await quick.recordTaskFundState(transferKey, 'disbursing', approval);
    const paid = await paying(async () => {
      for (let start = 0; start < communityIds.length; start += disbursementGroupSize) {
        await settle.disburseTaskFunds(input, communityIds.slice(start, start + disbursementGroupSize));
      }
    });
    if (paid !== 'paid') return paid;
    await settle.confirmTaskFundsDisbursed(input);
  }
  status.state = 'disbursed';
  await flow.finish();
  return status;
}
