import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowUpdateFailedError, WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { bundleWorkflows, openServiceDataSource, serviceDataSourceOptions, TransactionRunner } from '@jianfu/platform';
import { transactionOf } from '@jianfu/platform/persistence';
import {
  actOnApproval,
  approvalEntities,
  ApprovalAuditRepository,
  approvalStatus,
  createApprovalProjectionActivities,
  approvalMigrations,
  type ApprovalAction,
} from '../src/index.js';
import type { EarlyActionTestActivities, EarlyActionTestInput } from './approval-flow-early-action.workflow.js';

/**
 * An action sent right after a workflow starts, while it is still preparing and no step is open yet, is
 * accepted and takes effect once the first step opens (with the step's rules applied then); if the flow
 * ends without a step it is refused, and a workflow that has finished refuses as before.
 */
describe('ApprovalFlow: actions sent before the first step opens', () => {
  const suffix = randomBytes(4).toString('hex');
  const schema = `t_approval_early_${suffix}`;
  const taskQueue = `t-approval-early-${suffix}`;
  const audit = new ApprovalAuditRepository();
  // The test holds each workflow in its preparation until it says whether a step follows.
  const preparations = new Map<string, { promise: Promise<boolean>; resolve: (opens: boolean) => void }>();
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let worker: Worker;
  let running: Promise<void>;

  function preparation(subjectId: string) {
    let entry = preparations.get(subjectId);
    if (!entry) {
      let resolve!: (opens: boolean) => void;
      const promise = new Promise<boolean>((r) => (resolve = r));
      entry = { promise, resolve };
      preparations.set(subjectId, entry);
    }
    return entry;
  }

  beforeAll(async () => {
    const url = process.env.JIANFU_TEST_DATABASE_URL;
    if (!url) throw new Error('JIANFU_TEST_DATABASE_URL is set by the integration global setup');
    dataSource = await openServiceDataSource(
      serviceDataSourceOptions({
        url,
        schema,
        entities: approvalEntities,
        migrations: approvalMigrations,
        applicationName: 'approvals-early-test',
      }),
      schema,
      url,
    );
    const transactions = new TransactionRunner(dataSource);
    const path = process.env.JIANFU_TEST_TEMPORAL_TEST_SERVER;
    env = await TestWorkflowEnvironment.createTimeSkipping(
      path ? { server: { executable: { type: 'existing-path', path } } } : {},
    );
    const prepare: EarlyActionTestActivities = {
      prepareApproval: (subjectId) => preparation(subjectId).promise,
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflows(
        new URL('./approval-flow-early-action.workflow.ts', import.meta.url).pathname,
      ),
      activities: { ...createApprovalProjectionActivities({ transactions }), ...prepare },
    });
    running = worker.run();
  });

  afterAll(async () => {
    for (const entry of preparations.values()) entry.resolve(false);
    worker?.shutdown();
    await running;
    await env?.teardown();
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource?.destroy();
  });

  const submitter = { userId: 'submitter-1', roles: ['department-submitter'], scopeRefs: ['dept-1'] };
  const reviewer = { userId: 'reviewer-1', roles: ['admission-reviewer'] };

  async function start(
    variant: { prepareFor?: number; deadline?: EarlyActionTestInput['step']['deadline'] } = {},
  ): Promise<{ handle: WorkflowHandle; subjectId: string }> {
    const subjectId = randomUUID();
    const workflowId = `approval-early-${subjectId}`;
    preparation(subjectId);
    const input: EarlyActionTestInput = {
      subject: {
        subjectType: 'test-subject',
        subjectId,
        title: '社区台账精简试点',
        districtCode: '350102',
        submitterId: submitter.userId,
        workflowId,
      },
      step: {
        stepId: 'review',
        name: '审核',
        reviewers: [{ slotId: 'reviewer', role: 'admission-reviewer' }],
        completion: { rule: 'any' },
        allowedActions: ['approve', 'reject', 'return', 'withdraw', 'remind'],
        ...(variant.deadline ? { deadline: variant.deadline } : {}),
      },
      ...(variant.prepareFor ? { prepareFor: variant.prepareFor } : {}),
    };
    const handle = await env.client.workflow.start('approvalFlowEarlyActionWorkflow', {
      taskQueue,
      workflowId,
      args: [input],
    });
    return { handle, subjectId };
  }

  async function typeOfFailure(result: Promise<unknown>): Promise<string> {
    try {
      await result;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        return error.cause.type ?? 'untyped';
      }
      throw error;
    }
    return 'accepted';
  }

  it('applies an approval sent immediately after start once the first step opens', async () => {
    const { handle, subjectId } = await start();
    const approve: ApprovalAction = { kind: 'approve', actor: reviewer };
    const update = await handle.startUpdate(actOnApproval, {
      args: [approve],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    expect((await handle.query(approvalStatus)).steps).toHaveLength(0);

    preparation(subjectId).resolve(true);
    const result = await update.result();
    expect(result.duplicate).toBe(false);
    expect(result.step.state).toBe('approved');
    expect(await handle.result()).toBe('approved');

    const trail = await audit.listForSubject(transactionOf(dataSource.manager), 'test-subject', subjectId, '350102');
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['open', 'system'],
      ['approve', 'reviewer-1'],
    ]);
  });

  it('still refuses an early action by the wrong actor or without a reason, once the step rules are known', async () => {
    const { handle, subjectId } = await start();
    // Refused at once: a rejection without a reason is wrong whatever step opens.
    expect(
      await typeOfFailure(handle.executeUpdate(actOnApproval, { args: [{ kind: 'reject', actor: reviewer }] })),
    ).toBe('approval.reason-required');
    // Accepted for now, refused when the step shows the submitter may not decide.
    const selfApproval = await handle.startUpdate(actOnApproval, {
      args: [{ kind: 'approve', actor: submitter }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    const stranger = await handle.startUpdate(actOnApproval, {
      args: [{ kind: 'approve', actor: { userId: 'someone', roles: ['community-secretary'] } }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    preparation(subjectId).resolve(true);
    expect(await typeOfFailure(selfApproval.result())).toBe('approval.self-decision');
    expect(await typeOfFailure(stranger.result())).toBe('approval.wrong-actor');

    const status = await handle.query(approvalStatus);
    expect(status.open).toBe('review');
    expect(
      await typeOfFailure(handle.executeUpdate(actOnApproval, { args: [{ kind: 'approve', actor: reviewer }] })),
    ).toBe('accepted');
    expect(await handle.result()).toBe('approved');
  });

  it('refuses an early action when the flow ends without opening a step, and after the workflow finished', async () => {
    const { handle, subjectId } = await start();
    const withdraw = await handle.startUpdate(actOnApproval, {
      args: [{ kind: 'withdraw', actor: submitter }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    preparation(subjectId).resolve(false);
    expect(await typeOfFailure(withdraw.result())).toBe('approval.step-not-open');
    expect(await handle.result()).toBe('skipped');

    await expect(
      handle.executeUpdate(actOnApproval, { args: [{ kind: 'withdraw', actor: submitter }] }),
    ).rejects.toThrow();
  });

  it('refuses an early action after an hour without a step, so it never holds the workflow open', async () => {
    const { handle } = await start({
      prepareFor: 2 * 60 * 60 * 1000,
      deadline: { workingDays: 1, onLapse: 'approve' },
    });
    const early = await handle.startUpdate(actOnApproval, {
      args: [{ kind: 'approve', actor: reviewer }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    // Time skips: the action gives up after an hour, the step opens after two and lapses as approved.
    expect(await handle.result()).toBe('approved');
    expect(await typeOfFailure(early.result())).toBe('approval.step-not-open');
    const [step] = (await handle.query(approvalStatus)).steps;
    expect(step).toMatchObject({ state: 'approved', closedBy: { kind: 'deadline' } });
  });
});
