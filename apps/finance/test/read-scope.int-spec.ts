import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DepartmentCreated, MonthlyGradesFinalised } from '@jianfu/contracts';
import { type Principal, Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { Accounts } from '../src/ledger/domain/account.js';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * Every finance read checks where the data sits, not only who asks: another district's officer, a
 * secretary of another community, a street official of another street and a user of another department
 * each get the same 404 a missing record gets, on the ledger, the reports, budgets, task fund transfers,
 * payout batches and the department directory.
 */
describe('finance reads stay within the caller’s organisation scope', () => {
  const isolation = createTestIsolation('finance-read-scope');
  const [mine, neighbour, foreign] = [randomUUID(), randomUUID(), randomUUID()];
  const [departmentId, otherDepartmentId, foreignDepartmentId] = [randomUUID(), randomUUID(), randomUUID()];
  const [unitId, workerId] = [randomUUID(), randomUUID()];
  const officer = principal([Roles.FinanceOfficer], {}, 'caizheng-gl');
  const leader = principal([Roles.DistrictLeader], {}, 'leader-gl');
  const foreignOfficer = principal([Roles.FinanceOfficer], { districtCode: '350199' }, 'caizheng-other');
  const foreignLeader = principal([Roles.DistrictLeader], { districtCode: '350199' }, 'leader-other');
  const streetOfficer = principal([Roles.FinanceOfficer], { streetCodes: ['S-2'] }, 'caizheng-street-2');
  const streetHr = principal([Roles.HrOfficer], { streetCodes: ['S-2'] }, 'hr-street-2');
  const secretary = principal([Roles.CommunitySecretary], { communityIds: [mine] }, 'shuji-mine');
  const departmentUser = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-1');
  const otherDepartmentUser = principal([Roles.DepartmentSubmitter], { departmentId: otherDepartmentId }, 'weijian-1');
  const cycleId = randomUUID();
  const batchId = `monthly-${cycleId}-${mine}`;
  let finance: FinanceUnderTest;
  let taskId: string;

  const get = <T = { code?: string }>(path: string, as: Principal) => finance.api.http.request<T>('GET', path, { as });
  const account = (id: string, as: Principal) => get(`/ledger/accounts/${encodeURIComponent(id)}`, as);
  const transfer = (id: string, as: Principal) => get(`/ledger/transfers/${encodeURIComponent(id)}`, as);

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    await finance.addCommunities([mine], 'S-1');
    await finance.addCommunities([neighbour], 'S-2');
    await finance.addCommunities([foreign], 'S-9', '350199');
    await finance.publish(DepartmentCreated, departmentId, {
      departmentId,
      code: 'GL-MZJ',
      name: '区民政局',
      districtCode: '350102',
    });
    await finance.publish(DepartmentCreated, foreignDepartmentId, {
      departmentId: foreignDepartmentId,
      code: 'OT-MZJ',
      name: '邻区民政局',
      districtCode: '350199',
    });
    await eventually(async () => {
      const known = await get<{ items: { departmentId: string }[] }>('/departments', foreignOfficer);
      expect(known.body.items.map((d) => d.departmentId)).toEqual([foreignDepartmentId]);
      const ours = await get<{ items: { departmentId: string }[] }>('/departments', officer);
      expect(ours.body.items.map((d) => d.departmentId)).toEqual([departmentId]);
    }, 30_000);

    for (const [as, id] of [
      [officer, departmentId],
      [officer, otherDepartmentId],
      [foreignOfficer, foreignDepartmentId],
    ] as const) {
      const budget = await finance.api.http.request('PUT', `/departments/${id}/budgets/2026`, {
        as,
        body: { approvedFen: 5_000_000 },
      });
      expect(budget.status).toBe(200);
    }
    taskId = await finance.fundTask(
      departmentId,
      [
        { communityId: mine, amountFen: 300_000 },
        { communityId: neighbour, amountFen: 200_000 },
      ],
      officer,
    );
    for (const [as, communityId, amountFen] of [
      [officer, mine, 100_000],
      [foreignOfficer, foreign, 70_000],
    ] as const) {
      const receipt = await finance.api.http.request('POST', `/communities/${communityId}/co-building-receipts`, {
        as,
        body: { unitId, unitName: '省人民医院', kind: 'donation', amountFen },
      });
      expect(receipt.status).toBe(201);
    }

    await finance.publish(MonthlyGradesFinalised, cycleId, {
      cycleId,
      communityId: mine,
      month: '2026-04',
      grades: [{ workerId, grade: 'good', bonusFen: 110_000 }],
      totalBonusFen: 110_000,
      finalisedAt: new Date().toISOString(),
    });
    await eventually(async () => {
      const decided = await finance.api.http.request('POST', `/payout-batches/${batchId}/actions`, {
        as: officer,
        body: { action: 'approve' },
        headers: { 'idempotency-key': `approve-${batchId}` },
      });
      expect(decided.status).toBe(200);
    }, 30_000);
    await eventually(async () => {
      expect((await get<{ status: string }>(`/payout-batches/${batchId}`, officer)).body.status).toBe('paid');
    }, 30_000);
  }, 180_000);

  afterAll(async () => {
    await finance?.close();
  });

  it('shows a ledger account only to users whose scope reaches its owner, answering others as if missing', async () => {
    const missing = await account('community:00000000-0000-0000-0000-000000000000:base-operating', officer);
    expect(missing.status).toBe(404);
    const refusedLike = { status: 404, body: expect.objectContaining({ code: 'account.not-found' }) };
    expect(missing).toMatchObject(refusedLike);

    const cases: [string, Principal[], Principal[]][] = [
      [Accounts.communityTask(mine, taskId).id, [officer, leader], [foreignOfficer, foreignLeader, streetOfficer]],
      [Accounts.communityTask(neighbour, taskId).id, [officer, streetOfficer], [foreignOfficer]],
      [Accounts.communityCoBuilding(foreign).id, [foreignOfficer], [officer, leader, streetOfficer]],
      [Accounts.departmentAvailable(departmentId, 2026).id, [officer, leader], [foreignOfficer, streetOfficer]],
      [Accounts.departmentReserved(departmentId, 2026).id, [officer], [foreignOfficer]],
      [Accounts.departmentAvailable(foreignDepartmentId, 2026).id, [foreignOfficer], [officer, leader]],
      [Accounts.districtTreasury('350102').id, [officer, leader], [foreignOfficer, streetOfficer]],
      [Accounts.districtTreasury('350199').id, [foreignOfficer], [officer]],
      [Accounts.workerPayout(workerId).id, [officer], [foreignOfficer, streetOfficer]],
      [
        Accounts.residentUnit(unitId).id,
        [officer, foreignOfficer],
        [principal([Roles.FinanceOfficer], { districtCode: '350188' })],
      ],
    ];
    for (const [id, allowed, refused] of cases) {
      for (const as of allowed)
        expect({ id, user: as.userId, status: (await account(id, as)).status }).toEqual({
          id,
          user: as.userId,
          status: 200,
        });
      for (const as of refused) {
        const response = await account(id, as);
        expect({ id, user: as.userId, status: response.status, code: response.body.code }).toEqual({
          id,
          user: as.userId,
          status: 404,
          code: 'account.not-found',
        });
      }
    }
  });

  it('shows a ledger transfer only when the caller reaches every account it touches', async () => {
    const disbursement = `disburse:${taskId}:${mine}`;
    expect((await transfer(disbursement, officer)).status).toBe(200);
    expect((await transfer(`disburse:${taskId}:${neighbour}`, leader)).status).toBe(200);
    for (const [id, as] of [
      [disbursement, foreignOfficer],
      [disbursement, streetOfficer],
      // The street reaches the neighbour community's task account, but not the department's reservation it came from.
      [`disburse:${taskId}:${neighbour}`, streetOfficer],
      [`budget:${departmentId}:2026:r1`, foreignOfficer],
      [`budget:${foreignDepartmentId}:2026:r1`, officer],
      [`bonus:${cycleId}:${workerId}`, foreignLeader],
    ] as const) {
      expect(await transfer(id, as)).toMatchObject({ status: 404, body: { code: 'transfer.not-found' } });
    }
  });

  it('keeps money reports to the caller’s district, street, community and department', async () => {
    expect((await get(`/reports/communities/${mine}`, secretary)).status).toBe(200);
    for (const [path, as] of [
      [`/reports/communities/${neighbour}`, secretary],
      [`/reports/communities/${mine}`, streetOfficer],
      [`/reports/communities/${foreign}`, officer],
      [`/reports/communities/${mine}`, foreignLeader],
      [`/reports/tasks/${taskId}`, foreignOfficer],
      [`/reports/tasks/${taskId}`, otherDepartmentUser],
      [`/reports/departments/${departmentId}?budgetYear=2026`, foreignOfficer],
      [`/reports/departments/${departmentId}?budgetYear=2026`, otherDepartmentUser],
      [`/reports/departments/${foreignDepartmentId}?budgetYear=2026`, leader],
    ] as const) {
      expect({ path, user: as.userId, status: (await get(path, as)).status }).toEqual({
        path,
        user: as.userId,
        status: 404,
      });
    }
    expect((await get(`/reports/tasks/${taskId}`, departmentUser)).status).toBe(200);
    expect((await get(`/reports/departments/${departmentId}?budgetYear=2026`, departmentUser)).status).toBe(200);

    const listed = async (as: Principal) =>
      (await get<{ items: { communityId: string }[] }>('/reports/communities', as)).body.items.map(
        (c) => c.communityId,
      );
    expect(await listed(secretary)).toEqual([mine]);
    expect(await listed(streetOfficer)).toEqual([neighbour]);
    expect(await listed(foreignOfficer)).toEqual([foreign]);
    expect((await listed(officer)).sort()).toEqual([mine, neighbour].sort());

    // A resident unit that gave in two districts: each district sees only what reached its communities.
    const unitReport = (as: Principal) =>
      get<{ totalFen: number; receipts: { communityId: string }[] }>(`/reports/resident-units/${unitId}`, as);
    expect((await unitReport(officer)).body).toMatchObject({ totalFen: 100_000, receipts: [{ communityId: mine }] });
    expect((await unitReport(foreignOfficer)).body).toMatchObject({
      totalFen: 70_000,
      receipts: [{ communityId: foreign }],
    });
    expect((await unitReport(streetOfficer)).body).toMatchObject({ totalFen: 0, receipts: [] });
  });

  it('keeps budgets and task fund transfers to their district and department', async () => {
    expect((await get(`/departments/${departmentId}/budgets/2026`, departmentUser)).status).toBe(200);
    for (const [path, as] of [
      [`/departments/${departmentId}/budgets/2026`, foreignOfficer],
      [`/departments/${departmentId}/budgets/2026`, otherDepartmentUser],
      [`/departments/${foreignDepartmentId}/budgets/2026`, officer],
      [`/task-fund-transfers/${taskId}`, foreignOfficer],
      [`/task-fund-transfers/${taskId}`, otherDepartmentUser],
    ] as const) {
      expect({ path, user: as.userId, status: (await get(path, as)).status }).toEqual({
        path,
        user: as.userId,
        status: 404,
      });
    }
    // Nor may another district's officer budget a department finance knows to be ours.
    const foreignBudget = await finance.api.http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
      as: foreignOfficer,
      body: { approvedFen: 1 },
    });
    expect(foreignBudget).toMatchObject({ status: 404, body: { code: 'budget.not-found' } });
    expect(
      (await get<{ approvedFen: number }>(`/departments/${departmentId}/budgets/2026`, officer)).body,
    ).toMatchObject({
      approvedFen: 5_000_000,
    });
  });

  it('keeps payout batches to their district and, for a street official, their street', async () => {
    expect((await get(`/payout-batches/${batchId}`, officer)).status).toBe(200);
    expect((await get(`/payout-batches/${batchId}`, foreignOfficer)).status).toBe(404);
    expect((await get(`/payout-batches/${batchId}`, streetHr)).status).toBe(404);
    const listed = async (as: Principal) =>
      (await get<{ items: { id: string }[] }>('/payout-batches', as)).body.items.map((batch) => batch.id);
    expect(await listed(officer)).toContain(batchId);
    expect(await listed(foreignOfficer)).not.toContain(batchId);
    expect(await listed(streetHr)).not.toContain(batchId);
    // One page shape, filtered by status, counted over all pages; a bad filter or page names the field.
    const paid = await get<{ items: { id: string; status: string }[]; total: number; offset: number; limit: number }>(
      '/payout-batches?status=paid&limit=1',
      officer,
    );
    expect(paid.body).toMatchObject({ total: 1, offset: 0, limit: 1, items: [{ id: batchId, status: 'paid' }] });
    expect((await get<{ total: number }>('/payout-batches?status=rejected', officer)).body.total).toBe(0);
    for (const [query, field] of [
      ['status=approved', 'status'],
      ['limit=501', 'limit'],
      ['state=paid', 'state'],
    ]) {
      const refused = await get<{ code: string; errors: { field: string }[] }>(`/payout-batches?${query}`, officer);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('request.invalid');
      expect(refused.body.errors.map((error) => error.field)).toContain(field);
    }
  });
});
