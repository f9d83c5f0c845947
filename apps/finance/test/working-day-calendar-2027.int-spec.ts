import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  type ApprovalStepSpec,
  approvalStatus,
  createApprovalProjectionActivities,
  sendApprovalAction,
} from '@jianfu/approvals';
import { bundleWorkflows, Roles, TransactionRunner } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { FinanceUnderTest } from './finance-under-test.js';
import type { CalendarStepInput } from './support/calendar-step.workflow.js';

/**
 * The working-day calendar as data, end to end on the finance service: a step opened on 2027-01-29 before 2027's
 * arrangement is loaded counts its deadline by the statutory days and says it is provisional; the arrangement is
 * loaded through the API (a contradictory one is refused); a step opened afterwards counts by it; and the first
 * step's history, recorded before the load, still replays. The steps run on a time-skipping Temporal test server
 * with the kit's real activities against the finance schema in the real Postgres; each step's workflow clock is
 * shifted (by an offset in its input) to stand on 2027-01-29 10:00 whatever day the suite runs.
 */
describe('working-day calendar 2027', () => {
  const isolation = createTestIsolation('working-day-calendar-2027');
  const taskQueue = `${isolation.taskQueue('finance')}-calendar-2027`;
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-1');
  const officer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  /** Friday 2027-01-29, 10:00 China time: 5 working days from here run into 春节 (2027-02-06). */
  const openedOn = Date.parse('2027-01-29T10:00:00+08:00');

  /**
   * A FIXTURE, not the State Council's 2027 notice: 春节 2027-02-05 (除夕) to 02-13 off, make-up workdays on
   * Sunday 01-31 and Saturday 02-20. It differs from the statutory computation (除夕 to 初三, 02-05 to 02-08, no
   * weekend worked) both ways, so a deadline across it shows which calendar it was counted by.
   */
  const arrangement2027 = {
    source: 'test fixture (not the official 国办发明电 2027 arrangement)',
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((day) => ({
        date: `2027-02-${day}`,
        name: '春节',
      })),
    ],
    workdays: [
      { date: '2027-01-31', name: '春节' },
      { date: '2027-02-20', name: '春节' },
    ],
  };

  let finance: FinanceUnderTest;
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    const path = process.env.JIANFU_TEST_TEMPORAL_TEST_SERVER;
    env = await TestWorkflowEnvironment.createTimeSkipping(
      path ? { server: { executable: { type: 'existing-path', path } } } : {},
    );
    workflowBundle = await bundleWorkflows(new URL('./support/calendar-step.workflow.ts', import.meta.url).pathname);
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      // The kit's activities on the finance service's own schema: where its API loads the calendar.
      activities: createApprovalProjectionActivities({
        transactions: finance.api.app.get(TransactionRunner),
      }),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await finance?.close();
  });

  const step: ApprovalStepSpec = {
    stepId: 'finance-approval',
    name: '财政审批',
    reviewers: [{ slotId: 'finance', role: Roles.FinanceOfficer }],
    completion: { rule: 'any' },
    allowedActions: ['approve', 'reject'],
    deadline: { workingDays: 5, onLapse: 'expire' },
  };

  async function openStep(): Promise<WorkflowHandle> {
    const subjectId = randomUUID();
    // The test server starts at the wall clock and only moves forward: the step's clock is shifted instead.
    const clockOffsetMs = openedOn - (await env.currentTimeMs());
    const workflowId = `calendar-2027-${subjectId}`;
    const input: CalendarStepInput = {
      subject: {
        subjectType: 'calendar-2027-test',
        subjectId,
        title: '2027年春节前经费审批',
        districtCode: '350102',
        departmentId: 'dept-1',
        submitterId: 'submitter-1',
        workflowId,
      },
      step,
      clockOffsetMs,
    };
    const handle = await env.client.workflow.start('calendarStepWorkflow', { taskQueue, workflowId, args: [input] });
    // The step opens once its calendar is loaded (an activity).
    await eventually(async () => expect((await handle.query(approvalStatus)).open).toBe('finance-approval'));
    return handle;
  }

  async function stepOf(handle: WorkflowHandle) {
    const { steps } = await handle.query(approvalStatus);
    const inbox = await finance.api.http.request<{ items: { workflowId: string; calendarProvisional: boolean }[] }>(
      'GET',
      '/approval-inbox?subjectType=calendar-2027-test&limit=100',
      { as: officer },
    );
    expect(inbox.status).toBe(200);
    return { step: steps[0], inboxItems: inbox.body.items.filter((item) => item.workflowId === handle.workflowId) };
  }

  let firstStep: WorkflowHandle;

  it('counts a step opened before 2027 is loaded by the statutory days, and says it is provisional', async () => {
    const before = await finance.api.http.request<{ status: string }>('GET', '/working-day-calendar/years/2027', {
      as: officer,
    });
    expect(before.body.status).toBe('statutory');

    firstStep = await openStep();
    const { step: opened, inboxItems } = await stepOf(firstStep);
    expect(opened.openedAt.slice(0, 10)).toBe('2027-01-29');
    expect(Math.abs(Date.parse(opened.openedAt) - openedOn)).toBeLessThan(60_000);
    // Statutory 春节 2027: 02-05 (除夕) to 02-08 (初三); Mon 02-01 … Thu 02-04, then Tue 02-09 is the fifth day.
    expect(opened).toMatchObject({ deadlineAt: '2027-02-09T16:00:00.000Z', calendarProvisional: true });
    expect(inboxItems.map((item) => item.calendarProvisional)).toEqual([true]);
  });

  it('refuses a contradictory 2027 arrangement, loads the fixture once, and a repeat has no further effect', async () => {
    const contradictory = await finance.api.http.request<{ code: string; date: string; detail: string }>(
      'PUT',
      '/working-day-calendar/years/2027',
      {
        as: admin,
        body: { ...arrangement2027, workdays: [...arrangement2027.workdays, { date: '2027-02-07', name: '春节' }] },
      },
    );
    expect(contradictory.status).toBe(422);
    expect(contradictory.headers.get('content-type')).toContain('application/problem+json');
    expect(contradictory.body).toMatchObject({
      code: 'working-day-calendar.day-both-holiday-and-workday',
      date: '2027-02-07',
    });
    expect(contradictory.body.detail).toContain('2027-02-07');
    const stillStatutory = await finance.api.http.request<{ status: string }>(
      'GET',
      '/working-day-calendar/years/2027',
      { as: officer },
    );
    expect(stillStatutory.body.status).toBe('statutory');

    const loaded = await finance.api.http.request<{ status: string; loadedAt: string; holidays: unknown[] }>(
      'PUT',
      '/working-day-calendar/years/2027',
      { as: admin, body: arrangement2027 },
    );
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({
      year: 2027,
      status: 'published',
      source: arrangement2027.source,
      holidays: arrangement2027.holidays,
      workdays: arrangement2027.workdays,
      loadedBy: admin.userId,
    });

    const daysStored = async () =>
      (
        await finance.db.query<{ days: number }>(
          `SELECT count(*)::int AS days FROM ${finance.schema}.working_day_calendar_day WHERE year = 2027`,
        )
      ).rows[0].days;
    expect(await daysStored()).toBe(12);
    const repeated = await finance.api.http.request('PUT', '/working-day-calendar/years/2027', {
      as: admin,
      body: arrangement2027,
    });
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(loaded.body);
    expect(await daysStored()).toBe(12);
  });

  it('counts a step opened after the load by the loaded arrangement, not provisional', async () => {
    const second = await openStep();
    const { step: opened, inboxItems } = await stepOf(second);
    expect(opened.openedAt.slice(0, 10)).toBe('2027-01-29');
    // Fixture: Sunday 01-31 is worked (1st), Mon 02-01 … Thu 02-04 (2nd–5th): 24:00 of 02-04, not 02-09.
    expect(opened).toMatchObject({ deadlineAt: '2027-02-04T16:00:00.000Z', calendarProvisional: false });
    expect(inboxItems.map((item) => item.calendarProvisional)).toEqual([false]);

    // The running first step keeps the deadline it was opened with.
    const { step: first } = await stepOf(firstStep);
    expect(first).toMatchObject({ deadlineAt: '2027-02-09T16:00:00.000Z', calendarProvisional: true });
    // Both are decided before any result is awaited: awaiting a result lets the test server skip time, which
    // would otherwise lapse the step still open.
    for (const handle of [firstStep, second]) {
      await sendApprovalAction(env.client, handle.workflowId, {
        kind: 'approve',
        actor: { userId: officer.userId, roles: officer.roles, scope: { districtCode: '350102' } },
      });
    }
    expect(await Promise.all([firstStep.result(), second.result()])).toEqual(['approved', 'approved']);
  });

  it("counts the district's own days beside the loaded arrangement", async () => {
    const set = await finance.api.http.request('PUT', '/working-day-calendar/districts/350102/days/2027-02-02', {
      as: admin,
      body: { kind: 'holiday', name: '区级纪念日' },
    });
    expect(set.status).toBe(200);
    const third = await openStep();
    const { step: opened } = await stepOf(third);
    // Sun 01-31 (1st), Mon 02-01 (2nd), Tue 02-02 off for the district, Wed 02-03 (3rd), Thu 02-04 (4th), the
    // fixture's 春节 02-05 … 02-13, Sunday 02-14: Monday 02-15 is the fifth.
    expect(opened).toMatchObject({ deadlineAt: '2027-02-15T16:00:00.000Z', calendarProvisional: false });
    await sendApprovalAction(env.client, third.workflowId, {
      kind: 'approve',
      actor: { userId: officer.userId, roles: officer.roles, scope: { districtCode: '350102' } },
    });
    expect(await third.result()).toBe('approved');
  });

  it("replays the first step's history, recorded before the load, without nondeterminism", async () => {
    const history = await firstStep.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle }, history, firstStep.workflowId)).resolves.toBeUndefined();
  });
});
