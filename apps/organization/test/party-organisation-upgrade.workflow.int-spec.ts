import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ApprovalEvent } from '@jianfu/approvals';
import {
  decidePartyOrganisationUpgrade,
  type PartyOrganisationUpgradeApprovalInput,
  partyOrganisationUpgradeApprovalWorkflowType,
  type PartyOrganisationUpgradeInput,
  partyOrganisationUpgradeWorkflowType,
} from '@jianfu/contracts/workflows';
import { bundleWorkflows, workflowsPathBeside } from '@jianfu/platform';
import { currentInfrastructure } from '@jianfu/testing';
import type { UpgradeOutcome } from '../src/party-organisations/workflows/party-organisation-upgrade.activities.js';

/**
 * The workflow's timing on the time-skipping test server: the real ten-day deadline passes in moments, and a
 * decision on day nine still counts. Activities are recorded in memory; the database path is covered elsewhere.
 */
describe('partyOrganisationUpgradeWorkflow deadlines (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };
  const tenDays = 10 * 24 * 3600 * 1000;

  beforeAll(async () => {
    const path = currentInfrastructure().temporalTestServerPath;
    if (!path) throw new Error('No time-skipping test server: JIANFU_TEST_TEMPORAL_TEST_SERVER is not set');
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
    workflowBundle = await bundleWorkflows(workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href));
  });

  afterAll(async () => {
    await env?.teardown();
  });

  function input(requestId: string): PartyOrganisationUpgradeInput {
    return {
      requestId,
      communityId: '2b8f3c1e-5d6a-4f7b-9c8d-1e2f3a4b5c6d',
      fromKind: 'branch',
      toKind: 'committee',
      memberCount: 120,
      requestedBy: 'org-admin-1',
      decisionTimeoutMs: tenDays,
      correlationId: requestId,
    };
  }

  async function run<T>(taskQueue: string, body: (outcomes: UpgradeOutcome[]) => Promise<T>): Promise<T> {
    const outcomes: UpgradeOutcome[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: {
        recordUpgradeOutcome: (_input: PartyOrganisationUpgradeInput, outcome: UpgradeOutcome) => {
          outcomes.push(outcome);
          return Promise.resolve();
        },
      },
    });
    return worker.runUntil(body(outcomes));
  }

  it('lapses after ten days without a decision', async () => {
    await run('deadline-lapses', async (outcomes) => {
      const started = Date.now();
      const result = await env.client.workflow.execute(partyOrganisationUpgradeWorkflowType, {
        workflowId: 'lapse-1',
        taskQueue: 'deadline-lapses',
        args: [input('lapse-1')],
      });
      expect(result).toEqual({ state: 'expired' });
      expect(outcomes).toEqual([{ outcome: 'expired' }]);
      expect(Date.now() - started).toBeLessThan(tenDays);
    });
  });

  it('takes a decision made on the ninth day', async () => {
    await run('deadline-met', async (outcomes) => {
      const handle = await env.client.workflow.start(partyOrganisationUpgradeWorkflowType, {
        workflowId: 'met-1',
        taskQueue: 'deadline-met',
        args: [input('met-1')],
      });
      await env.sleep(9 * 24 * 3600 * 1000);
      const decided = await handle.executeUpdate(decidePartyOrganisationUpgrade, {
        args: [{ action: 'approve', actorId: 'zuzhibu-1' }],
      });
      expect(decided).toMatchObject({ state: 'approved' });
      expect(await handle.result()).toMatchObject({ state: 'approved' });
      expect(outcomes).toEqual([{ outcome: 'approved', decision: { action: 'approve', actorId: 'zuzhibu-1' } }]);
    });
  });

  it('on the approval kit: lapses after its working days, reminding nobody and expiring the request', async () => {
    const outcomes: UpgradeOutcome[] = [];
    const events: ApprovalEvent[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'kit-lapses',
      workflowBundle,
      activities: {
        recordUpgradeOutcome: (_input: unknown, outcome: UpgradeOutcome) => {
          outcomes.push(outcome);
          return Promise.resolve();
        },
        projectApprovalEvent: (event: ApprovalEvent) => {
          events.push(event);
          return Promise.resolve();
        },
        // The events that arrive together, projected by one local activity (workflows since the batching patch).
        projectApprovalEvents: (batch: ApprovalEvent[]) => {
          events.push(...batch);
          return Promise.resolve();
        },
        // No year loaded: weekends off only (the step says its calendar is provisional).
        loadWorkingDayCalendar: ({ districtCode }: { districtCode: string }) =>
          Promise.resolve({ districtCode, years: [], districtDays: [] }),
      },
    });
    const approvalInput: PartyOrganisationUpgradeApprovalInput = {
      requestId: 'kit-lapse-1',
      communityId: '2b8f3c1e-5d6a-4f7b-9c8d-1e2f3a4b5c6d',
      communityName: '温泉社区',
      districtCode: '350102',
      fromKind: 'branch',
      toKind: 'general-branch',
      memberCount: 60,
      requestedBy: 'org-admin-1',
      decisionWorkingDays: 10,
      correlationId: 'kit-lapse-1',
    };
    const result = await worker.runUntil(
      env.client.workflow.execute(partyOrganisationUpgradeApprovalWorkflowType, {
        workflowId: 'party-organisation-upgrade-kit-lapse-1',
        taskQueue: 'kit-lapses',
        args: [approvalInput],
      }),
    );
    expect(result).toEqual({ state: 'expired' });
    expect(outcomes).toEqual([{ outcome: 'expired' }]);
    expect(events.map((event) => [event.action, event.stateAfter])).toEqual([
      ['open', 'open'],
      ['lapse', 'expired'],
    ]);
    expect(events[0].subject).toMatchObject({
      subjectType: 'party-organisation-upgrade',
      title: '温泉社区 党组织升格（支部→总支）',
      submitterId: 'org-admin-1',
    });
    // Ten working days: two weeks of calendar time at least.
    expect(Date.parse(events[1].at) - Date.parse(events[0].at)).toBeGreaterThanOrEqual(13 * 24 * 3600 * 1000);
  });
});
