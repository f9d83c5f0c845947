import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdmissionConfig } from '@jianfu/admission';
import type { FinanceConfig } from '@jianfu/finance';
import type { OrganizationConfig } from '@jianfu/organization';
import { type Principal, Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  principal,
  type ServiceUnderTest,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { publishPilotCatalogue, services } from './services-under-test.js';
import { pilotSubmission, TaskChain } from './task-chain.js';

/**
 * 费随事转 across the running services: organization announces a department and its communities; a
 * department submits a task for several communities; admission reviews and admits it; finance reserves
 * the department's budget and waits for the finance officer. Approved, every community's task account
 * holds its money and the task appears in each community's list; rejected, the reservation is released
 * and the task never reaches them.
 */
describe('funds follow the task from admission through finance to the communities', () => {
  const isolation = createTestIsolation('task-funds-chain');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-1');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');
  const committee = principal([Roles.AdmissionCommittee], {}, 'committee-1');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  let organization: ServiceUnderTest<OrganizationConfig>;
  let admission: ServiceWithWorker<AdmissionConfig>;
  let finance: ServiceWithWorker<FinanceConfig>;
  let departmentId: string;
  let communityIds: string[];
  let submitter: Principal;
  let chain: TaskChain;
  const secretary = (communityId: string) =>
    principal([Roles.CommunitySecretary], { communityIds: [communityId] }, `secretary-${communityId.slice(0, 8)}`);

  beforeAll(async () => {
    [organization, admission, finance] = await Promise.all([
      services.organization.start(isolation),
      services.admission.startWithWorker(isolation),
      services.finance.startWithWorker(isolation),
    ]);

    // Organization announces the department and the communities; both services learn them from Kafka.
    const street = await organization.http.request('POST', '/streets', {
      as: admin,
      body: { code: 'S-GL', name: '鼓东街道' },
    });
    expect(street.status).toBe(201);
    communityIds = [];
    for (const [index, name] of ['三坊七巷社区', '南街社区', '安泰社区'].entries()) {
      const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code: `S-GL-C${index + 1}`, name, streetCode: 'S-GL', partyMemberCount: 40 },
      });
      expect(created.status).toBe(201);
      communityIds.push(created.body.communityId);
    }
    const department = await organization.http.request<{ departmentId: string }>('POST', '/departments', {
      as: admin,
      body: { code: 'MZJ', name: '区民政局' },
    });
    expect(department.status).toBe(201);
    departmentId = department.body.departmentId;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-clerk');
    chain = new TaskChain(admission.http, finance.http, { submitter, reviewer, committee, financeOfficer, secretary });

    await eventually(async () => {
      for (const service of [admission, finance]) {
        const directory = await service.http.request<{ total: number }>('GET', '/community-directory', {
          as: financeOfficer,
        });
        expect(directory.body.total).toBe(3);
      }
    }, 40_000);

    await publishPilotCatalogue(admission.http, reviewer);
    const budget = await finance.http.request('PUT', `/departments/${departmentId}/budgets/2027`, {
      as: financeOfficer,
      body: { approvedFen: 5_000_000, reason: '2027 年部门预算' },
    });
    expect(budget.status).toBe(200);
    // Finance announces the budget; admission's pre-check needs it before any submission is checked.
    await eventually(async () => {
      const known = await admission.http.request<{ approvedFen: number }>(
        'GET',
        `/departments/${departmentId}/budgets/2027`,
        { as: reviewer },
      );
      expect(known.body).toMatchObject({ approvedFen: 5_000_000 });
    }, 40_000);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([organization?.close(), admission?.close(), finance?.close()]);
  });

  const reviewReaches = (submissionId: string, predicate: Parameters<TaskChain['reviewReaches']>[1]) =>
    chain.reviewReaches(submissionId, predicate);
  const transferReaches = (taskId: string, state: string) => chain.transferReaches(taskId, state);
  const tasksOf = (communityId: string) => chain.tasksOf(communityId);

  /** A department submits a task for the communities and admission admits it; returns the task id. */
  async function admitTask(title: string, targets: string[], overrides: object = {}): Promise<string> {
    const submissionId = await chain.draft(title, targets, overrides);
    await chain.submit(submissionId);
    await chain.streetReview(submissionId);
    await chain.consult(submissionId, targets);
    return chain.admit(submissionId);
  }

  it('pays every community once finance approves, and the task reaches each community’s list', async () => {
    const targets = communityIds.slice(0, 2);
    const taskId = await admitTask('低保对象季度入户核查', targets);
    await transferReaches(taskId, 'awaiting-decision');
    for (const communityId of targets) expect(await tasksOf(communityId)).not.toContain(taskId);

    const approved = await finance.http.request('POST', `/task-fund-transfers/${taskId}/actions`, {
      as: financeOfficer,
      body: { action: 'approve' },
    });
    expect(approved.status).toBe(200);
    await transferReaches(taskId, 'disbursed');

    const report = await finance.http.request<{ communities: { communityId: string; disbursedFen: number }[] }>(
      'GET',
      `/reports/tasks/${taskId}`,
      { as: financeOfficer },
    );
    expect(report.body.communities).toEqual(
      expect.arrayContaining(
        targets.map((communityId) => expect.objectContaining({ communityId, disbursedFen: 300000 })),
      ),
    );
    for (const communityId of targets) {
      const money = await finance.http.request<{ balance: { task: number } }>(
        'GET',
        `/reports/communities/${communityId}`,
        { as: secretary(communityId) },
      );
      expect(money.body.balance.task).toBe(300000);
    }
    // Paid now, in 2026, from the 2027 budget the task is charged to: the 2027 report counts it.
    const departmentReport = await finance.http.request('GET', `/reports/departments/${departmentId}?budgetYear=2027`, {
      as: financeOfficer,
    });
    expect(departmentReport.body).toMatchObject({ paidFen: 600000, paidInPeriodFen: 0 });

    await eventually(async () => {
      for (const communityId of targets) expect(await tasksOf(communityId)).toContain(taskId);
    }, 40_000);
    expect(await tasksOf(communityIds[2])).not.toContain(taskId);
  });

  it('keeps the task off the communities when finance rejects, and releases the reservation', async () => {
    const before = await finance.http.request<{ availableFen: number; reservedFen: number }>(
      'GET',
      `/departments/${departmentId}/budgets/2027`,
      { as: financeOfficer },
    );
    const target = communityIds[2];
    const taskId = await admitTask('高龄津贴资格年度认证', [target]);
    await transferReaches(taskId, 'awaiting-decision');
    const rejected = await finance.http.request('POST', `/task-fund-transfers/${taskId}/actions`, {
      as: financeOfficer,
      body: { action: 'reject', reason: '该事项应由区级统一承担，不向社区拨付' },
    });
    expect(rejected.status).toBe(200);
    expect(await transferReaches(taskId, 'failed')).toMatchObject({ failureCode: 'transfer.rejected' });

    const submissions = await admission.http.request<{ items: { id: string; title: string }[] }>(
      'GET',
      '/submissions',
      {
        as: submitter,
      },
    );
    const submission = submissions.body.items.find((item) => item.title === '高龄津贴资格年度认证')!;
    await reviewReaches(submission.id, (view) => view.task?.fundingStatus === 'failed');
    expect(await tasksOf(target)).not.toContain(taskId);
    const after = await finance.http.request('GET', `/departments/${departmentId}/budgets/2027`, {
      as: financeOfficer,
    });
    expect(after.body).toMatchObject({ availableFen: before.body.availableFen, reservedFen: before.body.reservedFen });
  });

  it('dispatches one-off work declared unfunded at admission, and finance opens no transfer', async () => {
    const target = communityIds[2];
    const taskId = await admitTask('一次性防汛安全提示张贴', [target], {
      catalogueItemCode: undefined,
      legalBasis: '区防汛抗旱指挥部通知',
      recurrence: 'one-off',
      periodStart: '2027-05-01',
      periodEnd: '2027-05-31',
      requiredLedgers: [],
      fundingPerCommunityFen: 0,
      unfunded: true,
    });
    expect(await tasksOf(target)).toContain(taskId);
    // Finance handled the admission event and opened nothing: no transfer, no money moved.
    const { rows } = await admission.db.query<{ id: string }>(
      `SELECT envelope->>'id' AS id FROM ${isolation.schema('admission')}.outbox_message
        WHERE message_key = $1 AND event_type = 'admission.task.admitted'`,
      [taskId],
    );
    await eventually(async () => {
      const handled = await finance.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${isolation.schema('finance')}.inbox_message WHERE event_id = $1`,
        [rows[0].id],
      );
      expect(handled.rows[0].n).toBe(1);
    }, 40_000);
    const transfer = await finance.http.request('GET', `/task-fund-transfers/${taskId}`, { as: financeOfficer });
    expect(transfer.status).toBe(404);
    const report = await finance.http.request('GET', `/reports/tasks/${taskId}`, { as: financeOfficer });
    expect(report.status).toBe(404);
  });

  it('returns a submission charged to a budget year finance has not budgeted, before any review', async () => {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: pilotSubmission('2028 年度低保入户核查', [communityIds[0]], {
        periodStart: '2028-01-01',
        periodEnd: '2028-12-31',
      }),
    });
    expect(draft.status).toBe(201);
    expect(
      (await admission.http.request('POST', `/submissions/${draft.body.id}/submit`, { as: submitter })).status,
    ).toBe(202);
    const returned = await reviewReaches(draft.body.id, (view) => view.status === 'returned');
    expect(returned.precheck!.findings).toEqual([
      expect.objectContaining({ code: 'precheck.budget-missing', message: expect.stringContaining('2028') }),
    ]);
  });

  it('funds a recurring task month by month, and a cancelled task stops costing and leaves the lists', async () => {
    const target = communityIds[1];
    // November 2026 to February 2027, 300,000 fen: 75,000 a month; November and December have begun.
    const taskId = await admitTask('低保对象按月入户核查', [target], {
      periodStart: '2026-11-01',
      periodEnd: '2027-02-28',
      budgetYear: 2027,
      fundingPeriod: 'month',
    });
    const instalment = (period: string, state: string) =>
      eventually(async () => {
        const response = await finance.http.request<{ period: string; status: string; totalFen: number }>(
          'GET',
          `/task-fund-transfers/${taskId}?period=${period}`,
          { as: financeOfficer },
        );
        expect(response.body).toMatchObject({ period, status: state, totalFen: 75000 });
      }, 40_000);
    const approve = (period: string) =>
      finance.http.request('POST', `/task-fund-transfers/${taskId}/actions?period=${period}`, {
        as: financeOfficer,
        body: { action: 'approve' },
      });

    await instalment('2026-11', 'awaiting-decision');
    expect((await approve('2026-11')).status).toBe(200);
    await eventually(async () => expect(await tasksOf(target)).toContain(taskId), 40_000);
    await instalment('2026-12', 'awaiting-decision');

    const cancelled = await admission.http.request('POST', `/tasks/${taskId}/cancellation`, {
      as: submitter,
      body: { reason: '上级政策调整，该事项不再由社区承担' },
    });
    expect(cancelled.status).toBe(200);
    expect(await tasksOf(target)).not.toContain(taskId);
    // Finance stops the schedule; the month already under decision is decided as usual, and no later one starts.
    await eventually(async () => {
      const funding = await finance.http.request<{ schedule: { status: string } }>(
        'GET',
        `/task-fund-transfers/${taskId}/instalments`,
        { as: financeOfficer },
      );
      expect(funding.body.schedule).toMatchObject({ status: 'cancelled' });
    }, 40_000);
    expect((await approve('2026-12')).status).toBe(200);
    await instalment('2026-12', 'disbursed');
    const funding = await finance.http.request<{ transfers: { period: string; status: string }[] }>(
      'GET',
      `/task-fund-transfers/${taskId}/instalments`,
      { as: financeOfficer },
    );
    expect(funding.body.transfers.map((t) => [t.period, t.status])).toEqual([
      ['2026-11', 'disbursed'],
      ['2026-12', 'disbursed'],
    ]);
    const report = await finance.http.request('GET', `/reports/tasks/${taskId}`, { as: financeOfficer });
    expect(report.body).toMatchObject({ promisedFen: 300000, disbursedFen: 150000 });
    expect(await tasksOf(target)).not.toContain(taskId);
  });
});
