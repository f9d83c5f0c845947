import { proxyActivities } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import {
  ApprovalFlow,
  type ApprovalStepSpec,
  type ApprovalSubject,
  type StepOutcome,
} from '@jianfu/approvals/workflow';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '10s' },
});

export interface CalendarStepInput {
  subject: ApprovalSubject;
  step: ApprovalStepSpec;
  /**
   * Added to workflow time, so the step stands at a fixed date whatever day the test server started on
   * (it starts at the wall clock and only moves forward).
   */
  clockOffsetMs?: number;
}

/**
 * One approval step with the kit's default calendar (no `calendar` option): the step loads its district's
 * working-day calendar from the hosting service's schema through `loadWorkingDayCalendar`, as every service
 * workflow does. Its clock is shifted by the input's offset, so it opens on the date the test fixes.
 */
export async function calendarStepWorkflow(input: CalendarStepInput): Promise<StepOutcome> {
  const offset = input.clockOffsetMs ?? 0;
  const flow = new ApprovalFlow({
    subject: input.subject,
    project: projectApprovalEvent,
    clock: () => Date.now() + offset,
  });
  flow.install();
  const { outcome } = await flow.runStep(input.step);
  await flow.finish();
  return outcome;
}
