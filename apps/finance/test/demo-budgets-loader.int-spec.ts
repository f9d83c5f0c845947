import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DepartmentCreated } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal } from '@jianfu/testing';
import { demoBaseStandardFen, demoDepartmentBudgets } from '../src/demo/demo-budgets.js';
import { loadDemoBudgets } from '../src/demo/demo-budgets-loader.js';
import { Accounts } from '../src/ledger/domain/account.js';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * The demo budget loader against a finance service on the real servers: it waits until finance has
 * learnt the demo departments from organization's events, gives each its yearly budget and the district
 * its 45,000-yuan base standard, and a second run changes nothing.
 */
describe('demo budgets loader', () => {
  const isolation = createTestIsolation('finance-demo-budgets');
  const loader = principal([Roles.FinanceOfficer], {}, 'demo-loader');
  const year = 2026;
  const departmentIds = new Map(demoDepartmentBudgets.map((budget) => [budget.code, randomUUID()]));
  const totalFen = demoDepartmentBudgets.reduce((sum, budget) => sum + budget.approvedFen, 0);
  let finance: FinanceUnderTest;
  let baseUrl: string;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    const address = (finance.api.app.getHttpServer() as { address(): { port: number } }).address();
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await finance?.close();
  });

  const budgetOf = (code: string) =>
    finance.api.http.request<{ approvedFen: number; availableFen: number; revision: number }>(
      'GET',
      `/departments/${departmentIds.get(code)}/budgets/${year}`,
      { as: loader },
    );

  it('gives up after its bounded wait, naming the departments finance has not heard of', async () => {
    const elsewhere = principal([Roles.FinanceOfficer], { districtCode: '350188' }, 'demo-loader');
    await expect(
      loadDemoBudgets(baseUrl, await finance.api.http.token(elsewhere), { year, waitMillis: 1_500, pollMillis: 200 }),
    ).rejects.toThrow(/still missing: GL-ZZB, GL-MZJ/);
  });

  it('waits for the departments, sets every budget and the base standard, and a re-run changes nothing', async () => {
    const loading = loadDemoBudgets(baseUrl, await finance.api.http.token(loader), { year, pollMillis: 250 });
    // The departments arrive while the loader waits, as they do right after organization's demo load.
    for (const [code, departmentId] of departmentIds) {
      await finance.publish(DepartmentCreated, departmentId, {
        departmentId,
        code,
        name: `部门${code}`,
        districtCode: '350102',
      });
    }
    const first = await loading;
    expect(first).toMatchObject({ year, set: demoDepartmentBudgets.length, existing: 0, standardSet: true });

    for (const budget of demoDepartmentBudgets) {
      const shown = await budgetOf(budget.code);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        approvedFen: budget.approvedFen,
        availableFen: budget.approvedFen,
        revision: 1,
      });
    }
    const standard = await finance.api.http.request('GET', `/base-allocation-standards/${year}`, { as: loader });
    expect(standard.body).toMatchObject({ districtCode: '350102', amountFen: demoBaseStandardFen, isDefault: false });
    const treasury = Accounts.districtTreasury('350102').id;
    const treasuryBalance = async () =>
      (await finance.api.http.request<{ balanceFen: number }>('GET', `/ledger/accounts/${treasury}`, { as: loader }))
        .body.balanceFen;
    expect(await treasuryBalance()).toBe(-totalFen);

    const again = await loadDemoBudgets(baseUrl, await finance.api.http.token(loader), { year, waitMillis: 5_000 });
    expect(again).toMatchObject({ year, set: 0, existing: demoDepartmentBudgets.length, standardSet: false });
    expect(await treasuryBalance()).toBe(-totalFen);
    expect(await finance.ledgerTotal()).toBe(0);
    expect((await budgetOf('GL-MZJ')).body).toMatchObject({ approvedFen: 300_000_000, revision: 1 });
  });
});
