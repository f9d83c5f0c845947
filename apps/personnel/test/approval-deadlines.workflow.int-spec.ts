import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { packagedCalendarSnapshot } from '@jianfu/approvals';
import { actOnApproval, type ApprovalEvent } from '@jianfu/approvals/workflow';
import {
  type AssessmentCycleClosingInput,
  assessmentCycleClosingWorkflowType,
  type PromotionInput,
  promotionWorkflowType,
} from '@jianfu/contracts/workflows';
import { bundleWorkflows, workflowsPathBeside } from '@jianfu/platform';
import { currentInfrastructure } from '@jianfu/testing';
import type { ClosingOutcome } from '../src/assessments/workflows/assessment-cycle-closing.activities.js';
import type { PromotionOutcome } from '../src/careers/workflows/promotion.activities.js';

/**
 * The approval workflows' timing on the time-skipping test server: working-day deadlines pass in moments.
 * Activities are recorded in memory here; their database effects are covered by the other suites.
 */
describe('personnel approval deadlines (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };

  beforeAll(async () => {
    const path = currentInfrastructure().temporalTestServerPath;
    if (!path) throw new Error('No time-skipping test server: JIANFU_TEST_TEMPORAL_TEST_SERVER is not set');
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
    workflowBundle = await bundleWorkflows(workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href));
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function run<T>(
    taskQueue: string,
    body: (recorded: { events: ApprovalEvent[]; outcomes: unknown[] }) => Promise<T>,
  ): Promise<T> {
    const recorded = { events: [] as ApprovalEvent[], outcomes: [] as unknown[] };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: {
        projectApprovalEvent: (event: ApprovalEvent) => {
          recorded.events.push(event);
          return Promise.resolve();
        },
        // The events that arrive together, projected by one local activity (workflows since the batching patch).
        projectApprovalEvents: (batch: ApprovalEvent[]) => {
          recorded.events.push(...batch);
          return Promise.resolve();
        },
        // Each step loads its working-day calendar; here from the packaged arrangements, without a database.
        loadWorkingDayCalendar: (request: { districtCode: string; years: number[] }) =>
          Promise.resolve(packagedCalendarSnapshot(request)),
        settleCycleClosing: (_input: AssessmentCycleClosingInput, outcome: ClosingOutcome) => {
          recorded.outcomes.push(outcome);
          return Promise.resolve();
        },
        settlePromotion: (_input: PromotionInput, outcome: PromotionOutcome) => {
          recorded.outcomes.push(outcome);
          return Promise.resolve(outcome.outcome === 'approved' ? 'promoted' : outcome.outcome);
        },
      },
    });
    return worker.runUntil(body(recorded));
  }

  /** The refusal code an Update failed with (the kit raises refusals as ApplicationFailures typed by code). */
  async function refusal(update: Promise<unknown>): Promise<string | undefined> {
    try {
      await update;
      return undefined;
    } catch (error) {
      return ((error as { cause?: { type?: string } }).cause?.type ?? (error as Error).message) || undefined;
    }
  }

  const promotion = (requestId: string): PromotionInput => ({
    requestId,
    workerId: '5d1c2b3a-0000-4000-8000-000000000001',
    workerName: '林晓梅',
    trackCode: 'post',
    fromStep: 'community-worker',
    toStep: 'community-secretary',
    districtCode: '350102',
    streetCode: 'S-1',
    requestedBy: 'hr-1',
    deadlineWorkingDays: 10,
    correlationId: requestId,
  });

  it('lets a cycle closing nobody decides expire after its working days, so the cycle reopens', async () => {
    await run('closing-lapses', async ({ events, outcomes }) => {
      const result = await env.client.workflow.execute(assessmentCycleClosingWorkflowType, {
        workflowId: 'closing-lapse-1',
        taskQueue: 'closing-lapses',
        args: [
          {
            cycleId: '3c9e0000-0000-4000-8000-000000000001',
            attempt: 1,
            title: '2026-10 月度考核结果审定',
            districtCode: '350102',
            streetCode: 'S-1',
            requestedBy: 'hr-1',
            deadlineWorkingDays: 10,
            correlationId: 'c-1',
          },
        ],
      });
      expect(result).toBe('expired');
      expect(outcomes).toEqual([{ outcome: 'expired', actorId: 'system', reason: 'deadline lapsed' }]);
      expect(events.map((event) => event.action)).toEqual(['open', 'lapse']);
    });
  });

  it('needs the street committee first, then a district-wide decision', async () => {
    await run('promotion-steps', async ({ outcomes }) => {
      const handle = await env.client.workflow.start(promotionWorkflowType, {
        workflowId: 'promotion-1',
        taskQueue: 'promotion-steps',
        args: [promotion('7a1f0000-0000-4000-8000-000000000001')],
      });
      const district = { userId: 'zuzhibu-1', roles: ['hr-officer'], scopeRefs: [] };
      const street = { userId: 'street-1', roles: ['hr-officer'], scopeRefs: ['S-1'] };
      const otherStreet = { userId: 'street-2', roles: ['hr-officer'], scopeRefs: ['S-2'] };
      expect(await refusal(handle.executeUpdate(actOnApproval, { args: [{ kind: 'approve', actor: district }] }))).toBe(
        'approval.wrong-actor',
      );
      expect(
        await refusal(handle.executeUpdate(actOnApproval, { args: [{ kind: 'approve', actor: otherStreet }] })),
      ).toBe('approval.wrong-actor');
      const reviewed = await handle.executeUpdate(actOnApproval, { args: [{ kind: 'approve', actor: street }] });
      expect(reviewed.step).toMatchObject({ stepId: 'street-review', state: 'approved' });
      // The street official may not take the district's step.
      expect(await refusal(handle.executeUpdate(actOnApproval, { args: [{ kind: 'approve', actor: street }] }))).toBe(
        'approval.wrong-actor',
      );
      const decided = await handle.executeUpdate(actOnApproval, { args: [{ kind: 'approve', actor: district }] });
      expect(decided.step).toMatchObject({ stepId: 'district-decision', state: 'approved' });
      expect(await handle.result()).toBe('promoted');
      expect(outcomes).toEqual([{ outcome: 'approved', actorId: 'zuzhibu-1', reason: null }]);
    });
  });

  it('expires a promotion the district leaves undecided', async () => {
    await run('promotion-lapses', async ({ outcomes }) => {
      const handle = await env.client.workflow.start(promotionWorkflowType, {
        workflowId: 'promotion-2',
        taskQueue: 'promotion-lapses',
        args: [promotion('7a1f0000-0000-4000-8000-000000000002')],
      });
      await handle.executeUpdate(actOnApproval, {
        args: [{ kind: 'approve', actor: { userId: 'street-1', roles: ['hr-officer'], scopeRefs: ['S-1'] } }],
      });
      expect(await handle.result()).toBe('expired');
      expect(outcomes).toEqual([{ outcome: 'expired', actorId: 'system', reason: 'deadline lapsed' }]);
    });
  });
});
