import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  type TaskFundingScheduleInput,
  type TaskFundingScheduleStatus,
  taskFundingScheduleWorkflowId,
  taskFundingScheduleWorkflowType,
  type TaskFundTransferInput,
  type TaskFundTransferStatus,
  taskFundTransferWorkflowId,
  taskFundTransferWorkflowType,
} from '@jianfu/contracts/workflows';
import {
  bundleWorkflows,
  loadConfig,
  Roles,
  TransactionRunner,
  workerActivityDependencies,
  workflowsPathBeside,
} from '@jianfu/platform';
import { createTestIsolation, principal } from '@jianfu/testing';
import { FinanceModule } from '../src/app.module.js';
import { FinanceConfig } from '../src/config.js';
import { financeActivities } from '../src/finance-worker.js';
import { TaskFundTransfersRepository } from '../src/task-funds/persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from '../src/task-funds/persistence/task-funding-schedules.repository.js';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * The working-day deadline of the finance decision, on a time-skipping Temporal test server running the
 * finance worker's real activities against the real Postgres: nobody decides, the waiting officer is
 * reminded, the step lapses, and the compensation releases the reservation and tells admission.
 */
describe('task fund transfer deadline', () => {
  const isolation = createTestIsolation('task-fund-deadline');
  const departmentId = randomUUID();
  const communityId = randomUUID();
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  const taskQueue = `${isolation.taskQueue('finance')}-time-skipping`;
  let finance: FinanceUnderTest;
  let config: FinanceConfig;
  let context: INestApplicationContext;
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };
  /** A worker runs once (`runUntil` shuts it down), so each test gets its own on the time-skipping server. */
  const runWorker = async <T>(work: () => Promise<T>): Promise<T> => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: financeActivities(workerActivityDependencies(context, config)),
    });
    return worker.runUntil(work);
  };

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    await finance.addCommunities([communityId]);
    await finance.api.http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
      as: financeOfficer,
      body: { approvedFen: 100_000 },
    });
    config = loadConfig(FinanceConfig, finance.environment);
    context = await NestFactory.createApplicationContext(FinanceModule.forWorker(config), { logger: false });
    const path = process.env.JIANFU_TEST_TEMPORAL_TEST_SERVER;
    env = await TestWorkflowEnvironment.createTimeSkipping(
      path ? { server: { executable: { type: 'existing-path', path } } } : {},
    );
    workflowBundle = await bundleWorkflows(workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href));
  });

  afterAll(async () => {
    await env?.teardown();
    await context?.close();
    await finance?.close();
  });

  it('reminds finance, lapses after the working days, releases the reservation and reports the expiry', async () => {
    const taskId = randomUUID();
    const input: TaskFundTransferInput = {
      taskId,
      transferId: randomUUID(),
      title: '高龄津贴申领初审',
      departmentId,
      districtCode: '350102',
      budgetYear: 2026,
      funding: [{ communityId, amountFen: 30_000 }],
      totalFen: 30_000,
      decisionWorkingDays: 3,
      reminderAfterWorkingDays: 1,
      correlationId: randomUUID(),
    };
    await context.get(TransactionRunner).run((tx) =>
      context.get(TaskFundTransfersRepository).open(tx, {
        taskId,
        transferId: input.transferId,
        submissionId: randomUUID(),
        title: input.title,
        departmentId,
        districtCode: '350102',
        budgetYear: 2026,
        funding: input.funding,
        totalFen: input.totalFen,
        correlationId: input.correlationId,
        admittedAt: new Date(),
      }),
    );

    const status = await runWorker(async () => {
      const handle = await env.client.workflow.start(taskFundTransferWorkflowType, {
        workflowId: taskFundTransferWorkflowId(taskId),
        taskQueue,
        args: [input],
      });
      return (await handle.result()) as TaskFundTransferStatus;
    });

    expect(status).toMatchObject({ state: 'failed', failure: { code: 'transfer.expired' } });
    const transfer = await finance.api.http.request('GET', `/task-fund-transfers/${taskId}`, { as: financeOfficer });
    expect(transfer.body).toMatchObject({ status: 'failed', failureCode: 'transfer.expired' });
    const budget = await finance.api.http.request('GET', `/departments/${departmentId}/budgets/2026`, {
      as: financeOfficer,
    });
    expect(budget.body).toMatchObject({ availableFen: 100_000, reservedFen: 0 });
    const { rows } = await finance.db.query<{ event_type: string }>(
      `SELECT event_type FROM ${finance.schema}.outbox_message WHERE message_key = $1`,
      [taskId],
    );
    expect(rows).toEqual([{ event_type: 'finance.task-funding.failed' }]);
    // The approval kit's step events (what notifications are made of), keyed by the workflow.
    const steps = await finance.db.query<{ event_type: string; payload: Record<string, unknown> }>(
      `SELECT event_type, envelope->'payload' AS payload FROM ${finance.schema}.outbox_message
        WHERE message_key = $1 ORDER BY position`,
      [taskFundTransferWorkflowId(taskId)],
    );
    expect(steps.rows.map((row) => row.event_type)).toEqual([
      'finance.approval.step-opened',
      'finance.approval.step-reminded',
      'finance.approval.step-lapsed',
    ]);
    const [opened, reminded, lapsed] = steps.rows.map((row) => row.payload);
    const financeSlots = [{ slotId: expect.any(String), kind: 'review', role: Roles.FinanceOfficer }];
    expect(opened).toEqual({
      service: 'finance',
      subjectType: 'task-fund-transfer',
      subjectId: taskId,
      title: '高龄津贴申领初审',
      districtCode: '350102',
      departmentId,
      submittedBy: `department:${departmentId}`,
      workflowId: taskFundTransferWorkflowId(taskId),
      sequence: 1,
      stepId: expect.any(String),
      stepName: expect.any(String),
      slots: financeSlots,
      actorId: 'system',
      dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      occurredAt: expect.any(String),
    });
    expect(reminded).toMatchObject({ sequence: 2, automatic: true, slots: financeSlots, dueAt: opened.dueAt });
    expect(lapsed).toMatchObject({ sequence: 3, outcome: 'expired', reason: 'deadline lapsed', slots: financeSlots });
    const audit = await finance.api.http.request(
      'GET',
      `/approval-audit?subjectType=task-fund-transfer&subjectId=${taskId}`,
      {
        as: financeOfficer,
      },
    );
    const actions = JSON.stringify(audit.body);
    expect(actions).toContain('auto-remind');
    expect(actions).toContain('lapse');
  });

  it('waits for each period before funding it, and goes on after a lapsed instalment', async () => {
    const taskId = randomUUID();
    const input: TaskFundingScheduleInput = {
      taskId,
      title: '社区养老服务站季度巡查',
      departmentId,
      districtCode: '350102',
      budgetYear: 2026,
      funding: [{ communityId, amountFen: 30_000 }],
      totalFen: 30_000,
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      fundingPeriod: 'month',
      decisionWorkingDays: 3,
      reminderAfterWorkingDays: 1,
      correlationId: randomUUID(),
    };
    await context.get(TransactionRunner).run((tx) =>
      context.get(TaskFundingSchedulesRepository).open(tx, {
        ...input,
        submissionId: randomUUID(),
        admittedAt: new Date(),
      }),
    );

    // Nobody decides: every instalment lapses after its working days, and the schedule still funds the next
    // month when that month begins (the timers are skipped, not waited for).
    const status = await runWorker(async () => {
      const handle = await env.client.workflow.start(taskFundingScheduleWorkflowType, {
        workflowId: taskFundingScheduleWorkflowId(taskId),
        taskQueue,
        args: [input],
      });
      return (await handle.result()) as TaskFundingScheduleStatus;
    });

    expect(status).toEqual({
      state: 'completed',
      started: [
        { period: '2027-01', outcome: 'failed' },
        { period: '2027-02', outcome: 'failed' },
        { period: '2027-03', outcome: 'failed' },
      ],
    });
    const funding = await finance.api.http.request<{
      schedule: { status: string };
      transfers: { period: string; totalFen: number; failureCode: string }[];
    }>('GET', `/task-fund-transfers/${taskId}/instalments`, { as: financeOfficer });
    expect(funding.body.schedule).toMatchObject({ status: 'completed' });
    expect(funding.body.transfers.map((t) => [t.period, t.totalFen, t.failureCode])).toEqual([
      ['2027-01', 10_000, 'transfer.expired'],
      ['2027-02', 10_000, 'transfer.expired'],
      ['2027-03', 10_000, 'transfer.expired'],
    ]);
    const budget = await finance.api.http.request('GET', `/departments/${departmentId}/budgets/2026`, {
      as: financeOfficer,
    });
    expect(budget.body).toMatchObject({ availableFen: 100_000, reservedFen: 0 });
  });
});
