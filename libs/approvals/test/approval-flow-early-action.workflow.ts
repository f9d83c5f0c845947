import { proxyActivities, sleep } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '../src/approval-projection.activities.js';
import { ApprovalFlow, type ApprovalStepSpec, type ApprovalSubject, type StepOutcome } from '../src/workflow/index.js';

export interface EarlyActionTestActivities {
  /** Stands for the owner's own work before its first step (admission's pre-check); the test decides when it ends. */
  prepareApproval(subjectId: string): Promise<boolean>;
}

const { projectApprovalEvent, prepareApproval } = proxyActivities<
  ApprovalProjectionActivities & EarlyActionTestActivities
>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '10s' },
});

export interface EarlyActionTestInput {
  subject: ApprovalSubject;
  step: ApprovalStepSpec;
  /** Prepare by waiting this many milliseconds of workflow time instead of asking the activity. */
  prepareFor?: number;
}

/** Prepares first (an activity), then opens one step unless preparing said there is nothing to review. */
export async function approvalFlowEarlyActionWorkflow(input: EarlyActionTestInput): Promise<StepOutcome | 'skipped'> {
  const flow = new ApprovalFlow({ subject: input.subject, project: projectApprovalEvent });
  flow.install();
  let outcome: StepOutcome | 'skipped' = 'skipped';
  const opens = input.prepareFor
    ? await sleep(input.prepareFor).then(() => true)
    : await prepareApproval(input.subject.subjectId);
  if (opens) outcome = (await flow.runStep(input.step)).outcome;
  await flow.finish();
  return outcome;
}
