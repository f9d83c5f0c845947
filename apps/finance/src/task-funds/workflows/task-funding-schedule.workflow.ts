import { condition, executeChild, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import { childSearchAttributes } from '@jianfu/approvals/workflow';
import {
  cancelTaskFunding,
  startedAtRevision,
  takesPatch,
  type TaskFundingScheduleInput,
  type TaskFundingScheduleStatus,
  taskFundingScheduleStatus,
  taskFundTransferWorkflowId,
} from '@jianfu/contracts/workflows';
import { fundingInstalments, instalmentFunding, instalmentStartsAt } from '../domain/funding-instalments.js';
import type { TaskFundTransferActivities } from './task-fund-transfer.activities.js';
import { taskFundsLocalActivitiesPatch, taskFundTransferWorkflow } from './task-fund-transfer.workflow.js';

const { openTaskFundInstalment, completeTaskFundingSchedule } = proxyActivities<TaskFundTransferActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '30s' },
});
// Opening an instalment is one short transaction that finds an instalment already open on a second run.
const local = proxyLocalActivities<TaskFundTransferActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '30s' },
});

/**
 * 按期拨付: a recurring task funded per period. Each month, quarter or year of the task's period is an
 * instalment with its own transfer saga (child workflow `task-fund-transfer-<taskId>-<period>`, own ledger
 * ids): the first starts at admission, so money comes before the work; each later one waits on a durable
 * timer until its period starts (midnight China time). Instalments run one after another. A cancelled task
 * (the `cancelTaskFunding` signal) starts no further instalment; one already started is decided as usual.
 * A failed instalment does not stop the schedule: the next period is funded on its own.
 */
export async function taskFundingScheduleWorkflow(input: TaskFundingScheduleInput): Promise<TaskFundingScheduleStatus> {
  let cancelled = false;
  const status: TaskFundingScheduleStatus = { state: 'running', started: [] };
  setHandler(cancelTaskFunding, () => {
    cancelled = true;
  });
  setHandler(taskFundingScheduleStatus, () => status);

  const instalments = fundingInstalments(input.periodStart, input.periodEnd, input.fundingPeriod);
  for (const [index, instalment] of instalments.entries()) {
    if (index > 0) {
      const startsAt = instalmentStartsAt(instalment);
      status.next = { period: instalment.period, startsAt: new Date(startsAt).toISOString() };
      const wait = startsAt - Date.now();
      if (wait > 0) await condition(() => cancelled, wait);
      delete status.next;
    }
    if (cancelled) break;
    const funding = instalmentFunding(input.funding, index, instalments.length);
    if (funding.length === 0) continue;
    const open = takesPatch(input, taskFundsLocalActivitiesPatch)
      ? local.openTaskFundInstalment
      : openTaskFundInstalment;
    const transfer = await open(input, instalment, funding);
    // Null: the schedule was cancelled in the database before the signal arrived here.
    if (!transfer) {
      cancelled = true;
      break;
    }
    const entry: TaskFundingScheduleStatus['started'][number] = { period: instalment.period };
    status.started.push(entry);
    const workflowId = taskFundTransferWorkflowId(input.taskId, instalment.period);
    const result = await executeChild(taskFundTransferWorkflow, {
      workflowId,
      args: [transfer],
      // The instalment's approval is filtered in Temporal's UI like a top-level transfer (behind a patch).
      ...childSearchAttributes('taskFundTransferWorkflow', workflowId, transfer, input),
    });
    entry.outcome = result.state;
  }
  if (cancelled) {
    status.state = 'cancelled';
  } else {
    // Local from revision 1: one short idempotent update, in the workflow task that saw the last instalment end.
    await (startedAtRevision(input, 1) ? local.completeTaskFundingSchedule : completeTaskFundingSchedule)(input.taskId);
    status.state = 'completed';
  }
  return status;
}
