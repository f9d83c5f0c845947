import { allHandlersFinished, condition, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '../src/approval-projection.activities.js';
import {
  type ApprovalEvent,
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

/** The owner's own effect after the last approval, storing the events it is handed (registered by the suite). */
export interface OwnerEffectActivities {
  ownerEffect(events: ApprovalEvent[], refuse: boolean): Promise<void>;
}
const { ownerEffect } = proxyLocalActivities<OwnerEffectActivities>({
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
  /**
   * With `asOneRun`: the last step's approval is held for an effect of the owner's (`holdLastClose`), which stores
   * it (`projectWith`); `refused`: the effect is refused for good, and the run's outcomes end with 'effect-refused'.
   */
  ownerEffect?: 'done' | 'refused';
}

/** Runs the given steps in order and stops at the first that does not approve: the shape every owner uses. */
export async function approvalFlowTestWorkflow(
  input: ApprovalFlowTestInput,
): Promise<(StepOutcome | 'effect-done' | 'effect-refused')[]> {
  const flow = new ApprovalFlow({
    subject: input.subject,
    project: projectApprovalEvent,
    workflowRevision: input.workflowRevision,
  });
  flow.install();
  if (input.calendar) flow.useCalendar(input.calendar);
  const outcomes: (StepOutcome | 'effect-done' | 'effect-refused')[] = [];
  if (input.asOneRun) {
    let ran = 0;
    const approved = (outcome: StepOutcome) => outcome === 'approved';
    const last = await flow.runSteps(input.steps, approved, () => (ran += 1), input.ownerEffect ? approved : undefined);
    outcomes.push(...Array<StepOutcome>(ran - 1).fill('approved'), last.outcome);
    if (input.ownerEffect && last.outcome === 'approved') {
      try {
        await flow.projectWith((events) => ownerEffect(events, input.ownerEffect === 'refused'));
        outcomes.push('effect-done');
      } catch {
        outcomes.push('effect-refused');
      }
    }
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
