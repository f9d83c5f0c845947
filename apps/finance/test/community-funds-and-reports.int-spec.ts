import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal } from '@jianfu/testing';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * What communities do with their money, and what the reports say about it, on the real servers:
 * 专款专用 spending, co-building receipts, party-building funds, and reports per community, task and
 * department with CSV export.
 */
describe('community funds and money reports', () => {
  const isolation = createTestIsolation('finance-community-funds');
  const departmentId = randomUUID();
  const [communityA, communityB, outside] = [randomUUID(), randomUUID(), randomUUID()];
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  const leader = principal([Roles.DistrictLeader], {}, 'leader-1');
  const secretaryA = principal([Roles.CommunitySecretary], { communityIds: [communityA] }, 'shuji-a');
  const department = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-1');
  const unitId = randomUUID();
  let finance: FinanceUnderTest;
  let taskId: string;
  let otherTaskId: string;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    await finance.addCommunities([communityA, communityB]);
    await finance.addCommunities([outside], 'S-9', '350199');
    const budget = await finance.api.http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
      as: financeOfficer,
      body: { approvedFen: 5_000_000 },
    });
    expect(budget.status).toBe(200);
    taskId = await finance.fundTask(
      departmentId,
      [
        { communityId: communityA, amountFen: 300_000 },
        { communityId: communityB, amountFen: 200_000 },
      ],
      financeOfficer,
    );
    otherTaskId = await finance.fundTask(
      departmentId,
      [{ communityId: communityB, amountFen: 50_000 }],
      financeOfficer,
    );
  });

  afterAll(async () => {
    await finance?.close();
  });

  function spend(body: object, as = secretaryA, communityId = communityA, key?: string) {
    return finance.api.http.request<{ replayed: boolean; balanceFen: number; code?: string }>(
      'POST',
      `/communities/${communityId}/spending`,
      { as, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) },
    );
  }

  it('spends task money only against its own task, once per idempotency key', async () => {
    const first = await spend(
      { fund: 'task', taskId, amountFen: 120_000, purpose: '宣传材料印制' },
      secretaryA,
      communityA,
      'k-1',
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ replayed: false, balanceFen: 180_000 });
    const again = await spend(
      { fund: 'task', taskId, amountFen: 120_000, purpose: '宣传材料印制' },
      secretaryA,
      communityA,
      'k-1',
    );
    // Replayed by the platform's Idempotency-Key handling: the first answer, the money moved once.
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    // Community A has no share in the other task; task money cannot come from another fund's label either.
    expect((await spend({ fund: 'task', taskId: otherTaskId, amountFen: 1, purpose: 'x' })).status).toBe(404);
    expect((await spend({ fund: 'task', amountFen: 1, purpose: 'x' })).body).toMatchObject({
      code: 'spending.task-required',
    });
    expect((await spend({ fund: 'base-operating', taskId, amountFen: 1, purpose: 'x' })).body).toMatchObject({
      code: 'spending.task-money-only',
    });
    const overspent = await spend({ fund: 'task', taskId, amountFen: 180_001, purpose: '超支' });
    expect(overspent.status).toBe(422);
    expect(overspent.body).toMatchObject({ code: 'spending.insufficient-funds' });
    expect((await spend({ fund: 'base-operating', amountFen: 1, purpose: '无余额' })).status).toBe(422);
    for (const amountFen of [-5, 10.5, 1e12]) {
      expect((await spend({ fund: 'task', taskId, amountFen, purpose: 'x' })).status).toBe(400);
    }
    // A secretary reaches only their own community.
    expect((await spend({ fund: 'task', taskId, amountFen: 1, purpose: 'x' }, secretaryA, communityB)).status).toBe(
      404,
    );
  });

  it('records co-building support against the community and the unit, and a party-building fund once a year', async () => {
    const receipt = await finance.api.http.request('POST', `/communities/${communityA}/co-building-receipts`, {
      as: secretaryA,
      body: {
        unitId,
        unitName: '国网福州供电公司',
        kind: 'co-building',
        amountFen: 2_000_000,
        note: '共建协议年度支持',
      },
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ replayed: false, balanceFen: 2_000_000, unitId });

    const allocate = (amountFen: number, key: string) =>
      finance.api.http.request('POST', `/communities/${communityA}/party-building-allocations`, {
        as: financeOfficer,
        body: { year: 2026, amountFen },
        headers: { 'idempotency-key': key },
      });
    expect((await allocate(500_000, 'pb-a-2026')).body).toMatchObject({ replayed: false, amountFen: 500_000 });
    // A second allocation for the year is refused, not answered with the first (see party-building-allocations).
    expect(await allocate(900_000, 'pb-a-2026-again')).toMatchObject({
      status: 409,
      body: { code: 'party-building.already-allocated' },
    });
    const foreign = await finance.api.http.request('POST', `/communities/${outside}/party-building-allocations`, {
      as: financeOfficer,
      body: { year: 2026, amountFen: 1 },
      headers: { 'idempotency-key': 'pb-outside' },
    });
    expect(foreign.status).toBe(404);
  });

  it('reports money per community, per task and per department, as JSON and CSV', async () => {
    const community = await finance.api.http.request('GET', `/reports/communities/${communityA}?year=2026`, {
      as: secretaryA,
    });
    expect(community.status).toBe(200);
    expect(community.body).toMatchObject({
      communityId: communityA,
      received: { task: 300_000, coBuilding: 2_000_000, partyBuilding: 500_000, baseOperating: 0, total: 2_800_000 },
      spent: { task: 120_000, total: 120_000 },
      balance: { task: 180_000, coBuilding: 2_000_000, partyBuilding: 500_000, total: 2_680_000 },
    });
    const lastYear = await finance.api.http.request('GET', `/reports/communities/${communityA}?year=2025`, {
      as: secretaryA,
    });
    expect(lastYear.body).toMatchObject({ received: { total: 0 }, balance: { total: 0 } });

    const task = await finance.api.http.request('GET', `/reports/tasks/${taskId}`, { as: department });
    expect(task.body).toMatchObject({
      promisedFen: 500_000,
      disbursedFen: 500_000,
      spentFen: 120_000,
      communities: expect.arrayContaining([
        {
          communityId: communityA,
          promisedFen: 300_000,
          disbursedFen: 300_000,
          spentFen: 120_000,
          balanceFen: 180_000,
        },
        { communityId: communityB, promisedFen: 200_000, disbursedFen: 200_000, spentFen: 0, balanceFen: 200_000 },
      ]),
    });

    const departmentReport = await finance.api.http.request(
      'GET',
      `/reports/departments/${departmentId}?budgetYear=2026`,
      {
        as: department,
      },
    );
    expect(departmentReport.body).toMatchObject({
      approvedFen: 5_000_000,
      availableFen: 4_450_000,
      reservedFen: 0,
      paidInPeriodFen: 550_000,
      tasks: [
        expect.objectContaining({ taskId, status: 'disbursed' }),
        expect.objectContaining({ taskId: otherTaskId }),
      ],
    });

    const csv = await finance.api.http.request<string>('GET', '/reports/communities?year=2026&format=csv', {
      as: leader,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('received_total_fen');
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.startsWith(communityB))).toContain(',250000,');

    expect(
      (await finance.api.http.request('GET', '/reports/communities?year=2026&format=xml', { as: leader })).status,
    ).toBe(400);
    expect((await finance.api.http.request('GET', '/reports/communities?from=2026-05-01', { as: leader })).status).toBe(
      400,
    );
    const unit = await finance.api.http.request('GET', `/reports/resident-units/${unitId}?year=2026`, { as: leader });
    expect(unit.body).toMatchObject({
      totalFen: 2_000_000,
      receipts: [
        expect.objectContaining({ communityId: communityA, unitName: '国网福州供电公司', kind: 'co-building' }),
      ],
    });
    expect(await finance.ledgerTotal()).toBe(0);
  });

  it('lists a community’s accounts by fund and the district’s budgets of a year', async () => {
    const accounts = await finance.api.http.request<{
      accounts: {
        accountId: string;
        fund: string;
        taskId: string | null;
        taskTitle: string | null;
        balanceFen: number;
        receivedFen: number;
        spentFen: number;
      }[];
      totalFen: number;
    }>('GET', `/communities/${communityA}/accounts`, { as: financeOfficer });
    expect(accounts.status).toBe(200);
    expect(accounts.body.accounts).toEqual([
      expect.objectContaining({ fund: 'party-building', balanceFen: 500_000, receivedFen: 500_000, spentFen: 0 }),
      expect.objectContaining({
        fund: 'task',
        accountId: `community:${communityA}:task:${taskId}`,
        taskId,
        taskTitle: expect.any(String),
        receivedFen: 300_000,
        spentFen: 120_000,
        balanceFen: 180_000,
      }),
      expect.objectContaining({ fund: 'co-building', balanceFen: 2_000_000 }),
    ]);
    expect(accounts.body.totalFen).toBe(2_680_000);
    // Out of scope answers like a missing community.
    expect(
      (await finance.api.http.request('GET', `/communities/${communityB}/accounts`, { as: secretaryA })).status,
    ).toBe(404);
    expect(
      (await finance.api.http.request('GET', `/communities/${outside}/accounts`, { as: financeOfficer })).status,
    ).toBe(404);

    const budgets = await finance.api.http.request<{ items: object[]; total: number }>('GET', '/budgets?year=2026', {
      as: leader,
    });
    expect(budgets.status).toBe(200);
    expect(budgets.body).toMatchObject({
      total: 1,
      items: [
        {
          departmentId,
          year: 2026,
          approvedFen: 5_000_000,
          availableFen: 4_450_000,
          reservedFen: 0,
          disbursedFen: 550_000,
        },
      ],
    });
    expect((await finance.api.http.request('GET', '/budgets?year=1999', { as: leader })).body).toMatchObject({
      code: 'request.invalid',
    });
    expect((await finance.api.http.request('GET', '/budgets?year=2026', { as: department })).status).toBe(403);
  });

  it('exports the community report as an Excel workbook and a CSV with Chinese headers, streamed', async () => {
    const download = async (path: string) => {
      const response = await fetch(`${finance.api.http.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${await finance.api.http.token(leader)}` },
      });
      return { response, bytes: await response.arrayBuffer() };
    };
    const excel = await download('/reports/communities/export?year=2026&format=xlsx');
    expect(excel.response.status).toBe(200);
    expect(excel.response.headers.get('content-type')).toContain('spreadsheetml');
    expect(excel.response.headers.get('content-disposition')).toBe(
      `attachment; filename="______-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('社区经费报表-2026.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel.bytes);
    const sheet = workbook.getWorksheet('社区经费')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      '社区编码',
      '社区名称',
      '基本运转经费（元）',
      '党建专项经费（元）',
      '任务专款（元）',
      '共建及捐赠（元）',
      '收入合计（元）',
      '支出合计（元）',
      '期末余额（元）',
    ]);
    // Two communities in scope and the 合计 line; money in yuan.
    expect(sheet.rowCount).toBe(4);
    expect(values(4)).toEqual(['合计', undefined, 0, 5_000, 5_500, 20_000, 30_500, 1_200, 29_300]);

    const csv = await download('/reports/communities/export?year=2026&format=csv');
    expect(csv.response.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.startsWith('\uFEFF社区编码,社区名称,基本运转经费（元）')).toBe(true);
    expect(text.trim().split('\r\n').at(-1)).toBe('合计,,0.00,5000.00,5500.00,20000.00,30500.00,1200.00,29300.00');

    const task = await download(`/reports/tasks/${taskId}?format=xlsx`);
    const taskBook = new ExcelJS.Workbook();
    await taskBook.xlsx.load(task.bytes);
    const taskSheet = taskBook.getWorksheet('任务经费')!;
    expect((taskSheet.getRow(taskSheet.rowCount).values as unknown[]).slice(4)).toEqual([5_000, 5_000, 1_200, 3_800]);

    const refused = await finance.api.http.request('GET', '/reports/communities/export?year=2026', { as: leader });
    expect(refused).toMatchObject({ status: 400, body: { code: 'request.invalid' } });
  });
});
