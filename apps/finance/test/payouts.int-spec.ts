import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HonourAwarded, MonthlyGradesFinalised } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { Accounts } from '../src/ledger/domain/account.js';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * Bonuses and awards on the real servers: personnel's events open a payout batch, finance approves it
 * through the shared approval kit (it shows in the approval inbox), and each worker is paid once.
 */
describe('payouts for personnel events', () => {
  const isolation = createTestIsolation('finance-payouts');
  const communityId = randomUUID();
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  const [workerA, workerB, workerC] = [randomUUID(), randomUUID(), randomUUID()];
  let finance: FinanceUnderTest;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    await finance.addCommunities([communityId]);
  });

  afterAll(async () => {
    await finance?.close();
  });

  async function batch(batchId: string, state: string) {
    return eventually(async () => {
      const response = await finance.api.http.request<{ status: string; totalFen: number }>(
        'GET',
        `/payout-batches/${batchId}`,
        { as: financeOfficer },
      );
      expect(response.body.status).toBe(state);
      return response.body;
    }, 30_000);
  }

  async function paid(workerId: string): Promise<number> {
    const { rows } = await finance.db.query<{ balance_fen: string }>(
      `SELECT balance_fen FROM ${finance.schema}.ledger_account WHERE id = $1`,
      [Accounts.workerPayout(workerId).id],
    );
    return Number(rows[0]?.balance_fen ?? 0);
  }

  function decide(batchId: string, body: object, key?: string) {
    return finance.api.http.request<{ duplicate: boolean }>('POST', `/payout-batches/${batchId}/actions`, {
      as: financeOfficer,
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  }

  it('pays a month’s bonuses once after finance approves the batch', async () => {
    const cycleId = randomUUID();
    const envelope = await finance.publish(MonthlyGradesFinalised, cycleId, {
      cycleId,
      communityId,
      month: '2026-03',
      grades: [
        { workerId: workerA, grade: 'excellent', bonusFen: 130_000 },
        { workerId: workerB, grade: 'qualified', bonusFen: 90_000 },
        { workerId: workerC, grade: 'unqualified', bonusFen: 0 },
      ],
      totalBonusFen: 220_000,
      finalisedAt: new Date().toISOString(),
    });
    const batchId = `monthly-${cycleId}-${communityId}`;
    expect(await batch(batchId, 'awaiting-approval')).toMatchObject({ totalFen: 220_000 });

    const inbox = await eventually(async () => {
      const response = await finance.api.http.request<{ items: { subjectId: string }[] }>(
        'GET',
        '/approval-inbox?status=open&subjectType=payout-batch',
        { as: financeOfficer },
      );
      expect(response.body.items.map((item) => item.subjectId)).toContain(batchId);
      return response.body;
    });
    expect(inbox.items.length).toBeGreaterThan(0);

    // The same event delivered again opens no second batch.
    await finance.publish(MonthlyGradesFinalised, cycleId, envelope.payload);
    await finance.publish(MonthlyGradesFinalised, cycleId, envelope.payload, { id: envelope.id });

    const approved = await decide(batchId, { action: 'approve' }, 'pay-1');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ duplicate: false });
    await batch(batchId, 'paid');
    expect(await paid(workerA)).toBe(130_000);
    expect(await paid(workerB)).toBe(90_000);
    expect(await paid(workerC)).toBe(0);

    const repeated = await decide(batchId, { action: 'approve' }, 'pay-1');
    expect(repeated.status).toBe(200);
    expect(repeated.headers.get('idempotent-replayed')).toBe('true');
    expect(repeated.body).toEqual(approved.body);
    expect((await decide(batchId, { action: 'reject', reason: '晚了' }, 'pay-2')).status).toBe(409);
    expect(await paid(workerA)).toBe(130_000);
    expect(await finance.ledgerTotal()).toBe(0);
  });

  it('treats a batch opened under the cycle-only id as that community’s batch, and opens the other communities’', async () => {
    const cycleId = randomUUID();
    const otherCommunityId = randomUUID();
    await finance.addCommunities([otherCommunityId]);
    // A batch as it was opened before batches were named per community, already paid.
    await finance.db.query(
      `INSERT INTO ${finance.schema}.payout_batch
         (id, kind, community_id, district_code, period, title, lines, total_fen, state, source_event_id)
       VALUES ($1, 'monthly-bonus', $2, '350102', '2026-02', '2026-02 月度绩效奖励', $3, 90000, 'paid', $4)`,
      [
        `monthly-${cycleId}`,
        communityId,
        JSON.stringify([{ workerId: workerA, amountFen: 90_000, transferId: `bonus:${cycleId}:${workerA}` }]),
        randomUUID(),
      ],
    );
    const finalised = (community: string, workerId: string) =>
      finance.publish(MonthlyGradesFinalised, cycleId, {
        cycleId,
        communityId: community,
        month: '2026-02',
        grades: [{ workerId, grade: 'qualified', bonusFen: 90_000 }],
        totalBonusFen: 90_000,
        finalisedAt: new Date().toISOString(),
      });
    const again = await finalised(communityId, workerA);
    await finalised(otherCommunityId, workerB);
    expect(await batch(`monthly-${cycleId}-${otherCommunityId}`, 'awaiting-approval')).toMatchObject({
      totalFen: 90_000,
    });
    await eventually(async () => {
      const { rows } = await finance.db.query(`SELECT 1 FROM ${finance.schema}.inbox_message WHERE event_id = $1`, [
        again.id,
      ]);
      expect(rows).toHaveLength(1);
    }, 30_000);
    const { rows } = await finance.db.query<{ id: string }>(
      `SELECT id FROM ${finance.schema}.payout_batch WHERE id LIKE $1 ORDER BY id`,
      [`monthly-${cycleId}%`],
    );
    expect(rows.map((row) => row.id)).toEqual([`monthly-${cycleId}`, `monthly-${cycleId}-${otherCommunityId}`]);
  });

  it('pays nothing for a rejected award, and refuses a rejection without reason', async () => {
    const awardId = randomUUID();
    await finance.publish(HonourAwarded, workerC, {
      awardId,
      workerId: workerC,
      communityId,
      level: 'city',
      title: '市级优秀社区工作者',
      amountFen: 300_000,
      awardedAt: new Date().toISOString(),
    });
    const batchId = `honour-${awardId}`;
    await batch(batchId, 'awaiting-approval');
    const withoutReason = await decide(batchId, { action: 'reject' });
    expect(withoutReason.status).toBe(400);
    expect((await decide(batchId, { action: 'reject', reason: '表彰文件未下达' })).status).toBe(200);
    expect(await batch(batchId, 'rejected')).toMatchObject({ reason: '表彰文件未下达' });
    expect(await paid(workerC)).toBe(0);
  });
});
