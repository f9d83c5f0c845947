import { allHandlersFinished, condition, proxyActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '../src/approval-projection.activities.js';
import {
  ApprovalFlow,
  type ApprovalStepSpec,
  type ApprovalSubject,
  type StepOutcome,
  type WorkingDayCalendarSnapshot,
} from '../src/workflow/index.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '10s' },
});

export interface ApprovalFlowTestInput {
  subject: ApprovalSubject;
  steps: ApprovalStepSpec[];
  /** The revision the workflow started at (absent: before revisions, every patch asked). */
  workflowRevision?: number;
  /** Runs the steps by one `runSteps` rather than a `runStep` each. */
  asOneRun?: boolean;
  /** A calendar handed to the flow before the first step (`useCalendar`), as an owner's own activity would. */
  calendar?: WorkingDayCalendarSnapshot;
}

/** Runs the given steps in order and stops at the first that does not approve: the shape every owner uses. */
export async function approvalFlowTestWorkflow(input: ApprovalFlowTestInput): Promise<StepOutcome[]> {
  const flow = new ApprovalFlow({
    subject: input.subject,
    project: projectApprovalEvent,
    workflowRevision: input.workflowRevision,
  });
  flow.install();
  if (input.calendar) flow.useCalendar(input.calendar);
  const outcomes: StepOutcome[] = [];
  if (input.asOneRun) {
    let ran = 0;
    const last = await flow.runSteps(
      input.steps,
      (outcome) => outcome === 'approved',
      () => (ran += 1),
    );
    outcomes.push(...Array<StepOutcome>(ran - 1).fill('approved'), last.outcome);
    await condition(allHandlersFinished);
    return outcomes;
  }
  for (const spec of input.steps) {
    const { outcome } = await flow.runStep(spec);
    outcomes.push(outcome);
    if (outcome !== 'approved') break;
  }
  await condition(allHandlersFinished);
  return outcomes;
}
