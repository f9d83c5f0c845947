import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import proto from '@temporalio/proto';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { TaskAdmitted, TaskCancelled } from '@jianfu/contracts';
import {
  JianfuSearchAttributes,
  type TaskFundingScheduleStatus,
  taskFundingScheduleWorkflowId,
  taskFundTransferWorkflowId,
} from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { Accounts } from '../src/ledger/domain/account.js';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * 费随事转 on the real servers: a TaskAdmitted event on Kafka starts the saga; the finance officer decides
 * over HTTP through the shared approval kit; money moves in the ledger; admission is told through the
 * outbox. Covers approval, rejection, return and resubmission, bad funding, a worker restart (also in the
 * middle of paying many communities) and a redelivered event.
 */
describe('task fund transfer saga', () => {
  const isolation = createTestIsolation('task-fund-transfer');
  const departmentId = randomUUID();
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  const department = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-1');
  const communities = [randomUUID(), randomUUID(), randomUUID()];
  let finance: FinanceUnderTest;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    await finance.addCommunities(communities);
    await finance.approveBudget(departmentId, 10_000_000, financeOfficer);
  });

  afterAll(async () => {
    await finance?.close();
  });

  const reaches = (taskId: string, state: string) => finance.transferReaches(taskId, state, financeOfficer);

  function decide(taskId: string, body: object, as = financeOfficer, key?: string) {
    return finance.api.http.request<{ duplicate: boolean; step: { status: string } }>(
      'POST',
      `/task-fund-transfers/${taskId}/actions`,
      { as, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) },
    );
  }

  async function balance(accountId: string): Promise<number> {
    const { rows } = await finance.db.query<{ balance_fen: string }>(
      `SELECT balance_fen FROM ${finance.schema}.ledger_account WHERE id = $1`,
      [accountId],
    );
    return Number(rows[0]?.balance_fen ?? 0);
  }

  async function budget() {
    const response = await finance.api.http.request<{
      availableFen: number;
      reservedFen: number;
      disbursedFen: number;
    }>('GET', `/departments/${departmentId}/budgets/2026`, { as: department });
    return response.body;
  }

  /**
   * With RECORD_HISTORIES=1, keeps a finished transfer's history in test/histories/ for the replay test,
   * which then guards running transfers against incompatible changes of the workflow code.
   */
  async function recordHistory(taskId: string, name: string, workflowId = taskFundTransferWorkflowId(taskId)) {
    if (process.env.RECORD_HISTORIES !== '1') return;
    const handle = finance.api.app.get(Client).workflow.getHandle(workflowId);
    await handle.result();
    const history = await handle.fetchHistory();
    // Kept as protobuf (base64) in JSON: it reads back exactly, unlike the proto3-JSON form.
    const encoded = Buffer.from(proto.temporal.api.history.v1.History.encode(history).finish()).toString('base64');
    const record = {
      workflowId: handle.workflowId,
      events: history.events?.length ?? 0,
      historyProtobufBase64: encoded,
    };
    await writeFile(new URL(`./histories/${name}.json`, import.meta.url), JSON.stringify(record, null, 2) + '\n');
  }

  async function outboxOf(taskId: string) {
    const { rows } = await finance.db.query<{ event_type: string; envelope: { payload: Record<string, unknown> } }>(
      `SELECT event_type, envelope FROM ${finance.schema}.outbox_message WHERE message_key = $1 ORDER BY position`,
      [taskId],
    );
    return rows;
  }

  it('reserves, waits for finance, pays every community once and tells admission', async () => {
    const before = await budget();
    const funding = communities.map((communityId, i) => ({ communityId, amountFen: 10_000 * (i + 1) }));
    const event = await finance.admit(departmentId, funding);
    const { taskId } = event.payload;
    await reaches(taskId, 'awaiting-decision');
    expect(await budget()).toMatchObject({
      availableFen: before.availableFen - 60_000,
      reservedFen: before.reservedFen + 60_000,
    });
    // The officer's view of the transfer shows the department's budget without and with it.
    const view = await finance.api.http.request<{ departmentBudget: Record<string, unknown> | null }>(
      'GET',
      `/task-fund-transfers/${taskId}`,
      { as: financeOfficer },
    );
    expect(view.body.departmentBudget).toEqual({
      year: 2026,
      approvedFen: 10_000_000,
      availableFen: before.availableFen - 60_000,
      reservedFen: before.reservedFen + 60_000,
      disbursedFen: before.disbursedFen,
      holdsFunds: true,
      beforeFen: before.availableFen,
      afterFen: before.availableFen - 60_000,
    });
    // An admission reviewer sees the transfer, not the department's budget.
    const reviewerView = await finance.api.http.request<{ departmentBudget: unknown }>(
      'GET',
      `/task-fund-transfers/${taskId}`,
      { as: principal([Roles.AdmissionReviewer], {}, 'reviewer-1') },
    );
    expect(reviewerView).toMatchObject({ status: 200, body: { departmentBudget: null } });

    // The finance officer finds the decision in the approval inbox (待办). The step opens once its working-day
    // calendar is loaded, a moment after the transfer says it awaits the decision.
    await eventually(async () => {
      const inbox = await finance.api.http.request<{ items: { subjectId: string; stepId: string }[] }>(
        'GET',
        '/approval-inbox?status=open&subjectType=task-fund-transfer',
        { as: financeOfficer },
      );
      expect(inbox.body.items).toContainEqual(
        expect.objectContaining({ subjectId: taskId, stepId: 'finance-approval-1' }),
      );
    });

    // The same event again, and a second admission of the same task, start nothing new.
    await finance.admit(departmentId, funding, taskId);
    await finance.publish(TaskAdmitted, taskId, event.payload, { id: event.id });

    expect((await decide(taskId, { action: 'approve' }, department)).status).toBe(403);
    expect((await decide(taskId, { action: 'pay-twice' })).status).toBe(400);

    const approved = await decide(taskId, { action: 'approve' }, financeOfficer, 'approve-1');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ duplicate: false, step: { status: 'approved' } });
    await reaches(taskId, 'disbursed');

    for (const line of funding) {
      expect(await balance(Accounts.communityTask(line.communityId, taskId).id)).toBe(line.amountFen);
    }
    expect(await budget()).toMatchObject({
      availableFen: before.availableFen - 60_000,
      reservedFen: before.reservedFen,
      disbursedFen: before.disbursedFen + 60_000,
    });
    // A voucher names what it moved money between, as people call them: the community, the task.
    const [paid] = (
      await finance.db.query<{ id: string }>(
        `SELECT id FROM ${finance.schema}.ledger_transfer WHERE id LIKE $1 ORDER BY id LIMIT 1`,
        [`disburse:${taskId}:%`],
      )
    ).rows;
    const voucher = await finance.api.http.request<{
      referenceName?: string;
      postings: { account: { kind: string; ownerId: string; ownerName?: string; taskTitle?: string } }[];
    }>('GET', `/ledger/transfers/${encodeURIComponent(paid.id)}`, { as: financeOfficer });
    expect(voucher.status).toBe(200);
    expect(voucher.body.referenceName).toBe('居民养老保险参保登记');
    const paidInto = voucher.body.postings.find((posting) => posting.account.kind === 'community-task')!.account;
    expect(paidInto).toMatchObject({
      ownerName: `社区${paidInto.ownerId.slice(0, 4)}`,
      taskTitle: '居民养老保险参保登记',
    });
    const events = await outboxOf(taskId);
    expect(events.map((row) => row.event_type)).toEqual(['finance.task-funds.disbursed']);
    expect(events[0].envelope.payload).toMatchObject({
      taskId,
      departmentId,
      totalFen: 60_000,
      disbursements: funding,
    });
    // The approval kit told who had a new to-do, then the submitter of the decision (the gateway's notifications).
    const steps = await outboxOf(taskFundTransferWorkflowId(taskId));
    expect(steps.map((row) => row.event_type)).toEqual([
      'finance.approval.step-opened',
      'finance.approval.step-decided',
    ]);
    expect(steps[1].envelope.payload).toMatchObject({
      service: 'finance',
      subjectId: taskId,
      stepId: 'finance-approval-1',
      outcome: 'approved',
      actorId: financeOfficer.userId,
      submittedBy: `department:${departmentId}`,
    });

    // A late repeat of the approval is answered, not applied again; a contrary late decision is refused.
    expect((await decide(taskId, { action: 'approve' })).body).toMatchObject({ duplicate: true, status: 'disbursed' });
    expect((await decide(taskId, { action: 'reject', reason: '晚了' })).status).toBe(409);
    for (const line of funding) {
      expect(await balance(Accounts.communityTask(line.communityId, taskId).id)).toBe(line.amountFen);
    }
    const audit = await finance.api.http.request<{ items: { action: string }[]; total: number }>(
      'GET',
      `/approval-audit?subjectType=task-fund-transfer&subjectId=${taskId}`,
      {
        as: financeOfficer,
      },
    );
    expect(audit.body.items.map((entry) => entry.action)).toContain('approve');
    expect(audit.body.total).toBe(audit.body.items.length);
    expect(await finance.ledgerTotal()).toBe(0);
    await recordHistory(taskId, 'approved-and-disbursed');
  });

  it('releases the reservation and reports the failure when finance rejects', async () => {
    const before = await budget();
    const { payload } = await finance.admit(departmentId, [{ communityId: communities[0], amountFen: 25_000 }]);
    const { taskId } = payload;
    await reaches(taskId, 'awaiting-decision');
    expect((await budget()).reservedFen).toBe(before.reservedFen + 25_000);

    const withoutReason = await decide(taskId, { action: 'reject' });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body).toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    });

    const rejected = await decide(taskId, { action: 'reject', reason: '无预算科目' });
    expect(rejected.status).toBe(200);
    expect(await reaches(taskId, 'failed')).toMatchObject({
      failureCode: 'transfer.rejected',
      failureReason: '无预算科目',
    });
    expect(await budget()).toMatchObject({ availableFen: before.availableFen, reservedFen: before.reservedFen });
    expect(await balance(Accounts.communityTask(communities[0], taskId).id)).toBe(0);
    const events = await outboxOf(taskId);
    expect(events.map((row) => row.event_type)).toEqual(['finance.task-funding.failed']);
    expect(events[0].envelope.payload).toMatchObject({ taskId, code: 'transfer.rejected', reason: '无预算科目' });
    expect((await decide(taskId, { action: 'reject', reason: '无预算科目' })).body).toMatchObject({ duplicate: true });
    await recordHistory(taskId, 'rejected-and-released');
  });

  it('sends a returned transfer back to the department, and decides it again after resubmission', async () => {
    const { payload } = await finance.admit(departmentId, [{ communityId: communities[1], amountFen: 5_000 }]);
    const { taskId } = payload;
    await reaches(taskId, 'awaiting-decision');

    expect((await decide(taskId, { action: 'return' })).status).toBe(400);
    const returned = await decide(taskId, { action: 'return', reason: '请核对预算科目' });
    expect(returned.body).toMatchObject({ step: { status: 'returned' } });
    await reaches(taskId, 'returned');
    expect((await decide(taskId, { action: 'approve' })).status).toBe(409);

    const otherDepartment = principal([Roles.DepartmentSubmitter], { departmentId: randomUUID() }, 'other-1');
    const resubmit = (as = department) =>
      finance.api.http.request('POST', `/task-fund-transfers/${taskId}/resubmission`, { as, body: { note: '已核对' } });
    expect((await resubmit(otherDepartment)).status).toBe(404);
    expect((await resubmit()).status).toBe(200);
    await reaches(taskId, 'awaiting-decision');

    expect((await decide(taskId, { action: 'approve' })).status).toBe(200);
    await reaches(taskId, 'disbursed');
    expect(await balance(Accounts.communityTask(communities[1], taskId).id)).toBe(5_000);
    await recordHistory(taskId, 'returned-resubmitted-disbursed');
  });

  it('refuses funding for an unknown community, and funding beyond the budget, without reserving anything', async () => {
    const before = await budget();
    const unknown = await finance.admit(departmentId, [{ communityId: randomUUID(), amountFen: 1_000 }]);
    expect(await reaches(unknown.payload.taskId, 'failed')).toMatchObject({
      failureCode: 'transfer.unknown-community',
    });
    const tooMuch = await finance.admit(departmentId, [{ communityId: communities[2], amountFen: 500_000_000 }]);
    expect(await reaches(tooMuch.payload.taskId, 'failed')).toMatchObject({ failureCode: 'budget.insufficient' });
    expect(await budget()).toMatchObject({ availableFen: before.availableFen, reservedFen: before.reservedFen });
    expect((await outboxOf(tooMuch.payload.taskId)).map((row) => row.event_type)).toEqual([
      'finance.task-funding.failed',
    ]);
  });

  it('keeps a waiting transfer across a worker restart and pays once after approval', async () => {
    const { payload } = await finance.admit(departmentId, [{ communityId: communities[2], amountFen: 7_000 }]);
    const { taskId } = payload;
    await reaches(taskId, 'awaiting-decision');

    await finance.stopWorker();
    const decisionWhileDown = decide(taskId, { action: 'approve' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await finance.startWorker();
    expect((await decisionWhileDown).status).toBe(200);
    await reaches(taskId, 'disbursed');
    expect(await balance(Accounts.communityTask(communities[2], taskId).id)).toBe(7_000);
  });

  it('pays each of many communities exactly once when the worker is stopped in the middle of paying', async () => {
    const many = Array.from({ length: 240 }, () => randomUUID());
    await finance.addCommunities(many);
    const funding = many.map((communityId, i) => ({ communityId, amountFen: 1_000 + i }));
    const { payload } = await finance.admit(departmentId, funding);
    const { taskId } = payload;
    await reaches(taskId, 'awaiting-decision');
    expect((await decide(taskId, { action: 'approve' })).status).toBe(200);

    await eventually(
      async () => {
        const { rows } = await finance.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${finance.schema}.ledger_transfer WHERE id LIKE $1`,
          [`disburse:${taskId}:%`],
        );
        expect(rows[0].n).toBeGreaterThan(0);
      },
      20_000,
      5,
    );
    await finance.stopWorker();
    await finance.startWorker();
    await reaches(taskId, 'disbursed');

    const { rows } = await finance.db.query<{ account_id: string; total: string; postings: number }>(
      `SELECT account_id, sum(amount_fen) AS total, count(*)::int AS postings FROM ${finance.schema}.ledger_posting
       WHERE transfer_id LIKE $1 AND amount_fen > 0 GROUP BY account_id`,
      [`disburse:${taskId}:%`],
    );
    expect(rows).toHaveLength(240);
    const expected = new Map(
      funding.map((line) => [Accounts.communityTask(line.communityId, taskId).id, line.amountFen]),
    );
    for (const row of rows) {
      expect(row.postings).toBe(1);
      expect(Number(row.total)).toBe(expected.get(row.account_id));
    }
    expect((await outboxOf(taskId)).map((row) => row.event_type)).toEqual(['finance.task-funds.disbursed']);
    expect(await finance.ledgerTotal()).toBe(0);
  });

  it('refuses a budget in fractional or negative fen, and a cut below what is committed', async () => {
    for (const approvedFen of [10.5, -1, 1e15]) {
      const response = await finance.api.http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
        as: financeOfficer,
        body: { approvedFen },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        errors: expect.arrayContaining([expect.objectContaining({ field: 'approvedFen' })]),
      });
    }
    const cut = await finance.api.http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
      as: financeOfficer,
      body: { approvedFen: 1_000 },
    });
    expect(cut.status).toBe(422);
    expect(cut.body).toMatchObject({ code: 'budget.below-committed' });
  });

  it('charges the budget year the task names, and the department report counts what that year paid whenever paid', async () => {
    // Only next year's budget can pay this task, which starts this year.
    const set = await finance.api.http.request('PUT', `/departments/${departmentId}/budgets/2027`, {
      as: financeOfficer,
      body: { approvedFen: 200_000, reason: '2027 年部门预算' },
    });
    expect(set.status).toBe(200);
    // Finance announces the figure for admission's pre-check.
    const announced = (await outboxOf(departmentId)).filter((row) => row.event_type === 'finance.budget.set');
    expect(announced.map((row) => row.envelope.payload)).toContainEqual(
      expect.objectContaining({ departmentId, year: 2027, approvedFen: 200_000, revision: 1 }),
    );
    const before2026 = await budget();
    const { payload } = await finance.admit(
      departmentId,
      [{ communityId: communities[0], amountFen: 80_000 }],
      undefined,
      {
        periodStart: '2026-12-01',
        periodEnd: '2027-03-31',
        budgetYear: 2027,
      },
    );
    await reaches(payload.taskId, 'awaiting-decision');
    expect((await decide(payload.taskId, { action: 'approve' })).status).toBe(200);
    await reaches(payload.taskId, 'disbursed');

    expect(await budget()).toEqual(before2026);
    const report = await finance.api.http.request('GET', `/reports/departments/${departmentId}?budgetYear=2027`, {
      as: department,
    });
    expect(report.status).toBe(200);
    // Paid in calendar 2026 (the test runs before 2027), still money of the 2027 budget.
    expect(report.body).toMatchObject({
      year: 2027,
      approvedFen: 200_000,
      availableFen: 120_000,
      reservedFen: 0,
      paidFen: 80_000,
      tasks: [expect.objectContaining({ taskId: payload.taskId, status: 'disbursed', totalFen: 80_000 })],
    });
    const paidNow = await finance.api.http.request(
      'GET',
      `/reports/departments/${departmentId}?budgetYear=2027&from=2026-01-01&to=2027-12-31`,
      { as: department },
    );
    expect(paidNow.body).toMatchObject({ paidFen: 80_000, paidInPeriodFen: 80_000 });
  });

  it('opens no transfer for one-off work admitted as needing no money', async () => {
    const ledgerBefore = await finance.ledgerTotal();
    const budgetBefore = await budget();
    const unfunded = await finance.admit(departmentId, [{ communityId: communities[1], amountFen: 0 }], undefined, {
      recurrence: 'one-off',
      totalFen: 0,
      fundingMode: 'none',
      budgetYear: 2026,
    });
    await finance.handled(unfunded.id);
    const transfer = await finance.api.http.request('GET', `/task-fund-transfers/${unfunded.payload.taskId}`, {
      as: financeOfficer,
    });
    expect(transfer.status).toBe(404);
    await expect(
      finance.api.app.get(Client).workflow.getHandle(taskFundTransferWorkflowId(unfunded.payload.taskId)).describe(),
    ).rejects.toThrow();
    expect(await outboxOf(unfunded.payload.taskId)).toEqual([]);
    expect(await budget()).toEqual(budgetBefore);
    expect(await finance.ledgerTotal()).toBe(ledgerBefore);
  });

  it('funds a recurring task per month, each instalment its own transfer, and stops when the task is cancelled', async () => {
    const community = communities[2];
    const before = await budget();
    const ledgerBefore = await finance.ledgerTotal();
    // October to March, 600,000 fen per community: 100,000 a month. October to December have begun (the test
    // runs in 2026) and start one after another; January waits for its month.
    const admitted = await finance.admit(departmentId, [{ communityId: community, amountFen: 600_000 }], undefined, {
      periodStart: '2026-10-01',
      periodEnd: '2027-03-31',
      budgetYear: 2026,
      fundingPeriod: 'month',
    });
    const { taskId } = admitted.payload;
    const instalment = (period: string) =>
      eventually(async () => {
        const response = await finance.api.http.request<{ period: string; status: string; totalFen: number }>(
          'GET',
          `/task-fund-transfers/${taskId}?period=${period}`,
          { as: financeOfficer },
        );
        expect(response.body).toMatchObject({ period, status: 'awaiting-decision', totalFen: 100_000 });
      }, 40_000);
    const decideInstalment = (period: string, body: object) =>
      finance.api.http.request('POST', `/task-fund-transfers/${taskId}/actions?period=${period}`, {
        as: financeOfficer,
        body,
      });

    await instalment('2026-10');
    // The instalment's approval, a child workflow, is found in Temporal's UI like a top-level transfer; its step
    // is the one it waits in.
    const child = finance.api.app.get(Client).workflow.getHandle(taskFundTransferWorkflowId(taskId, '2026-10'));
    await eventually(async () => {
      const attributes = (await child.describe()).typedSearchAttributes;
      expect({
        district: attributes.get(JianfuSearchAttributes.district),
        department: attributes.get(JianfuSearchAttributes.department),
        subjectType: attributes.get(JianfuSearchAttributes.subjectType),
        subjectId: attributes.get(JianfuSearchAttributes.subjectId),
        step: attributes.get(JianfuSearchAttributes.step),
      }).toEqual({
        district: '350102',
        department: departmentId,
        subjectType: 'task-fund-transfer',
        subjectId: taskId,
        step: 'finance-approval-1',
      });
    });
    // Only this month's money is held back, not the whole half year's.
    expect(await budget()).toMatchObject({ reservedFen: before.reservedFen + 100_000 });
    expect((await decideInstalment('2026-10', { action: 'approve' })).status).toBe(200);
    await instalment('2026-11');
    expect(
      (await decideInstalment('2026-11', { action: 'reject', reason: '十一月台账未报送，本月不予拨付' })).status,
    ).toBe(200);
    // A failed instalment does not stop the schedule: December is funded on its own.
    await instalment('2026-12');
    expect((await decideInstalment('2026-12', { action: 'approve' })).status).toBe(200);

    const funding = await eventually(async () => {
      const response = await finance.api.http.request<{
        schedule: { status: string; fundingPeriod: string; totalFen: number };
        transfers: { period: string; status: string; totalFen: number }[];
      }>('GET', `/task-fund-transfers/${taskId}/instalments`, { as: department });
      expect(response.body.transfers.map((t) => [t.period, t.status])).toEqual([
        ['2026-10', 'disbursed'],
        ['2026-11', 'failed'],
        ['2026-12', 'disbursed'],
      ]);
      return response.body;
    }, 40_000);
    expect(funding.schedule).toMatchObject({ status: 'running', fundingPeriod: 'month', totalFen: 600_000 });
    const schedule = finance.api.app.get(Client).workflow.getHandle(taskFundingScheduleWorkflowId(taskId));
    await eventually(async () => {
      const status = await schedule.query<TaskFundingScheduleStatus>('taskFundingScheduleStatus');
      expect(status.next).toEqual({ period: '2027-01', startsAt: '2026-12-31T16:00:00.000Z' });
    }, 40_000);

    // The ledger shows what was paid for which period.
    const { rows } = await finance.db.query<{ id: string; amount: string }>(
      `SELECT t.id, p.amount_fen AS amount FROM ${finance.schema}.ledger_transfer t
         JOIN ${finance.schema}.ledger_posting p ON p.transfer_id = t.id AND p.amount_fen > 0
        WHERE t.id LIKE $1 ORDER BY t.id`,
      [`disburse:${taskId}:%`],
    );
    expect(rows.map((row) => [row.id, Number(row.amount)])).toEqual([
      [`disburse:${taskId}:2026-10:${community}`, 100_000],
      [`disburse:${taskId}:2026-12:${community}`, 100_000],
    ]);
    expect(await balance(Accounts.communityTask(community, taskId).id)).toBe(200_000);
    expect(await budget()).toMatchObject({
      availableFen: before.availableFen - 200_000,
      reservedFen: before.reservedFen,
      disbursedFen: before.disbursedFen + 200_000,
    });
    const events = await outboxOf(taskId);
    expect(events.map((row) => [row.event_type, row.envelope.payload.period])).toEqual([
      ['finance.task-funds.disbursed', '2026-10'],
      ['finance.task-funding.failed', '2026-11'],
      ['finance.task-funds.disbursed', '2026-12'],
    ]);

    // Cancelled half way: no further instalment, and a redelivered cancellation or admission changes nothing.
    const cancelled = await finance.publish(TaskCancelled, taskId, {
      taskId,
      departmentId,
      districtCode: '350102',
      reason: '政策调整，事项取消',
      cancelledBy: 'minzheng-1',
      cancelledAt: new Date().toISOString(),
    });
    const result = (await schedule.result()) as TaskFundingScheduleStatus;
    expect(result).toMatchObject({ state: 'cancelled' });
    expect(result.started.map((entry) => [entry.period, entry.outcome])).toEqual([
      ['2026-10', 'disbursed'],
      ['2026-11', 'failed'],
      ['2026-12', 'disbursed'],
    ]);
    await recordHistory(taskId, 'monthly-schedule-cancelled', taskFundingScheduleWorkflowId(taskId));
    await recordHistory(taskId, 'instalment-rejected', taskFundTransferWorkflowId(taskId, '2026-11'));
    await finance.publish(TaskCancelled, taskId, cancelled.payload, { id: cancelled.id });
    const again = await finance.publish(TaskAdmitted, taskId, admitted.payload);
    await finance.handled(again.id);
    const after = await finance.api.http.request<{ schedule: { status: string }; transfers: unknown[] }>(
      'GET',
      `/task-fund-transfers/${taskId}/instalments`,
      { as: financeOfficer },
    );
    expect(after.body.schedule).toMatchObject({ status: 'cancelled', cancelReason: '政策调整，事项取消' });
    expect(after.body.transfers).toHaveLength(3);
    expect(await finance.ledgerTotal()).toBe(ledgerBefore);
    const report = await finance.api.http.request('GET', `/reports/tasks/${taskId}`, { as: financeOfficer });
    expect(report.body).toMatchObject({ promisedFen: 600_000, disbursedFen: 200_000 });
  });

  it('funds a yearly task within its year by one transfer, with no schedule workflow over it', async () => {
    const [first, second] = communities;
    const funding = [
      { communityId: first, amountFen: 12_000 },
      { communityId: second, amountFen: 8_000 },
    ];
    const yearly = {
      periodStart: '2026-03-01',
      periodEnd: '2026-12-31',
      budgetYear: 2026,
      fundingPeriod: 'year',
    } as const;
    const instalments = (taskId: string, as = department) =>
      finance.api.http.request<{
        schedule: { status: string; fundingPeriod: string; totalFen: number; cancelReason?: string };
        transfers: { period: string; status: string; totalFen: number }[];
      }>('GET', `/task-fund-transfers/${taskId}/instalments`, { as });
    const client = finance.api.app.get(Client);

    const before = await budget();
    const admitted = await finance.admit(departmentId, funding, undefined, yearly);
    const { taskId } = admitted.payload;
    await reaches(taskId, 'awaiting-decision');
    // The transfer of the year is the workflow the consumer started, under the instalment's id; no schedule runs.
    const transfer = client.workflow.getHandle(taskFundTransferWorkflowId(taskId, '2026'));
    expect((await transfer.describe()).status.name).toBe('RUNNING');
    await expect(client.workflow.getHandle(taskFundingScheduleWorkflowId(taskId)).describe()).rejects.toThrow(
      WorkflowNotFoundError,
    );
    expect((await instalments(taskId)).body).toMatchObject({
      schedule: { status: 'running', fundingPeriod: 'year', totalFen: 20_000 },
      transfers: [{ period: '2026', status: 'awaiting-decision', totalFen: 20_000 }],
    });
    // A TaskAdmitted published again (a new event id, so not the inbox's duplicate) opens and starts nothing new.
    await finance.handled((await finance.publish(TaskAdmitted, taskId, admitted.payload)).id);

    expect((await decide(taskId, { action: 'approve' })).status).toBe(200);
    await reaches(taskId, 'disbursed');
    await transfer.result();
    expect((await instalments(taskId)).body).toMatchObject({
      schedule: { status: 'completed' },
      transfers: [{ period: '2026', status: 'disbursed', totalFen: 20_000 }],
    });
    expect(await balance(Accounts.communityTask(first, taskId).id)).toBe(12_000);
    expect(await balance(Accounts.communityTask(second, taskId).id)).toBe(8_000);
    expect(await budget()).toMatchObject({
      availableFen: before.availableFen - 20_000,
      reservedFen: before.reservedFen,
      disbursedFen: before.disbursedFen + 20_000,
    });
    expect((await outboxOf(taskId)).map((row) => [row.event_type, row.envelope.payload.period])).toEqual([
      ['finance.task-funds.disbursed', '2026'],
    ]);
    // The completed schedule takes no second admission: nothing opens, nothing is paid again.
    await finance.handled((await finance.publish(TaskAdmitted, taskId, admitted.payload)).id);
    expect((await instalments(taskId)).body.transfers).toHaveLength(1);
    expect(await budget()).toMatchObject({ availableFen: before.availableFen - 20_000 });

    // Cancelled while finance decides: the schedule says so at once, the year's transfer is decided as usual,
    // and its end leaves the schedule cancelled.
    const cancelledTask = await finance.admit(departmentId, funding, undefined, yearly);
    const cancelledId = cancelledTask.payload.taskId;
    await reaches(cancelledId, 'awaiting-decision');
    const cancellation = await finance.publish(TaskCancelled, cancelledId, {
      taskId: cancelledId,
      departmentId,
      districtCode: '350102',
      reason: '职能调整，事项取消',
      cancelledBy: 'minzheng-1',
      cancelledAt: new Date().toISOString(),
    });
    await finance.handled(cancellation.id);
    expect((await instalments(cancelledId)).body.schedule).toMatchObject({
      status: 'cancelled',
      cancelReason: '职能调整，事项取消',
    });
    expect((await decide(cancelledId, { action: 'reject', reason: '事项已取消，不予拨付' })).status).toBe(200);
    await reaches(cancelledId, 'failed');
    await client.workflow.getHandle(taskFundTransferWorkflowId(cancelledId, '2026')).result();
    expect((await instalments(cancelledId)).body).toMatchObject({
      schedule: { status: 'cancelled' },
      transfers: [{ period: '2026', status: 'failed', totalFen: 20_000 }],
    });
    expect(await budget()).toMatchObject({ availableFen: before.availableFen - 20_000 });
  });

  it('answers a read waiting on a transfer as soon as the decision commits', async () => {
    const { payload } = await finance.admit(departmentId, [{ communityId: communities[2], amountFen: 7_000 }]);
    await reaches(payload.taskId, 'awaiting-decision');
    const read = (headers: Record<string, string> = {}) =>
      finance.api.http.request<{ status: string }>('GET', `/task-fund-transfers/${payload.taskId}`, {
        as: financeOfficer,
        headers,
      });
    const held = (await read()).headers.get('etag')!;
    expect((await read({ 'if-none-match': held })).status).toBe(304);

    const heldFrom = Date.now();
    const waiting = read({ 'if-none-match': held, prefer: 'wait=20' });
    expect((await decide(payload.taskId, { action: 'approve' })).status).toBe(200);
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.body.status).not.toBe('awaiting-decision');
    expect(answer.headers.get('etag')).not.toBe(held);
    // The workflow's commit woke the read: the 20 s wait did not run out.
    expect(Date.now() - heldFrom).toBeLessThan(10_000);
    await reaches(payload.taskId, 'disbursed');
  });

  it('holds a read of a transfer not there yet until finance takes the task in, and answers 404 after the wait', async () => {
    const read = (taskId: string, wait: number) =>
      finance.api.http.request<{ taskId: string }>('GET', `/task-fund-transfers/${taskId}`, {
        as: financeOfficer,
        headers: { prefer: `wait=${wait}` },
      });
    const unknown = await read(randomUUID(), 1);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'task-fund-transfer.not-found' });

    const taskId = randomUUID();
    const heldFrom = Date.now();
    const waiting = read(taskId, 20);
    await finance.admit(departmentId, [{ communityId: communities[0], amountFen: 3_000 }], taskId);
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.body.taskId).toBe(taskId);
    // The transfer's insert woke the read, not the end of its 20 s wait.
    expect(Date.now() - heldFrom).toBeLessThan(10_000);
    await reaches(taskId, 'awaiting-decision');
    expect((await decide(taskId, { action: 'reject', reason: '测试结束' })).status).toBe(200);
  });
});
