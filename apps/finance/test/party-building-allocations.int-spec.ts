import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal } from '@jianfu/testing';
import { FinanceUnderTest } from './finance-under-test.js';

interface Allocated {
  transferId: string;
  replayed: boolean;
  kind: string;
  amountFen: number;
  reason: string | null;
  balanceFen: number;
}

/**
 * 党建专项经费 on the real Postgres: one allocation per community and year, more that year only as a
 * top-up (追加) with a reason, each its own transfer; every request named by its Idempotency-Key.
 */
describe('party-building allocations', () => {
  const isolation = createTestIsolation('finance-party-building');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  const secretary = (communityId: string) =>
    principal([Roles.CommunitySecretary], { communityIds: [communityId] }, 'shuji-1');
  let finance: FinanceUnderTest;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
  });

  afterAll(async () => {
    await finance?.close();
  });

  async function community(): Promise<string> {
    const communityId = randomUUID();
    await finance.addCommunities([communityId]);
    return communityId;
  }

  const allocate = (communityId: string, body: object, key?: string) =>
    finance.api.http.request<Allocated & { code?: string; detail?: string }>(
      'POST',
      `/communities/${communityId}/party-building-allocations`,
      { as: financeOfficer, body, ...(key !== undefined ? { headers: { 'idempotency-key': key } } : {}) },
    );

  async function partyBuildingTransfers(communityId: string) {
    const { rows } = await finance.db.query<{ id: string; purpose: string; memo: string | null; amount: string }>(
      `SELECT t.id, t.purpose, t.memo, p.amount_fen AS amount
       FROM ${finance.schema}.ledger_transfer t JOIN ${finance.schema}.ledger_posting p ON p.transfer_id = t.id
       WHERE p.account_id = $1 ORDER BY t.posted_at, t.id`,
      [`community:${communityId}:party-building`],
    );
    return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
  }

  it('allocates once per community and year: the same key answers again, a second allocation is 409', async () => {
    const communityId = await community();
    const first = await allocate(communityId, { year: 2026, amountFen: 500_000 }, 'pb-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      transferId: `party-building:2026:${communityId}`,
      replayed: false,
      kind: 'allocation',
      amountFen: 500_000,
      balanceFen: 500_000,
    });

    // A client retrying after a lost answer: the same answer, nothing moves.
    const retried = await allocate(communityId, { amountFen: 500_000, year: 2026 }, 'pb-1');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);

    // The same key for another request is refused, whatever the ledger holds.
    const reused = await allocate(communityId, { year: 2026, amountFen: 900_000 }, 'pb-1');
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(reused.body).toMatchObject({ code: 'idempotency.key-reused' });

    // A new request for a second allocation is refused by name, not answered with the first.
    const second = await allocate(communityId, { year: 2026, amountFen: 900_000 }, 'pb-2');
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body).toMatchObject({ code: 'party-building.already-allocated' });
    expect(second.body.detail).toContain('top-up');
    // Its key stays free: the refused request left nothing behind.
    expect((await allocate(communityId, { year: 2027, amountFen: 400_000 }, 'pb-2')).status).toBe(201);

    expect(await partyBuildingTransfers(communityId)).toEqual([
      expect.objectContaining({ id: `party-building:2026:${communityId}`, amount: 500_000 }),
      expect.objectContaining({ id: `party-building:2027:${communityId}`, amount: 400_000 }),
    ]);
    expect(await finance.ledgerTotal()).toBe(0);
  });

  it('posts a top-up as its own transfer with its reason, once per key, and only after an allocation', async () => {
    const communityId = await community();
    const early = await allocate(
      communityId,
      { year: 2026, amountFen: 100_000, kind: 'top-up', reason: '追加' },
      't-0',
    );
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'party-building.not-allocated' });
    const noReason = await allocate(communityId, { year: 2026, amountFen: 100_000, kind: 'top-up' }, 't-1');
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');

    expect((await allocate(communityId, { year: 2026, amountFen: 500_000 }, 'a-1')).status).toBe(201);
    const topUp = { year: 2026, amountFen: 200_000, kind: 'top-up', reason: '七一专项活动追加' };
    const first = await allocate(communityId, topUp, 't-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      transferId: expect.stringMatching(new RegExp(`^party-building:2026:${communityId}:top-up:`)),
      replayed: false,
      kind: 'top-up',
      reason: '七一专项活动追加',
      amountFen: 200_000,
      balanceFen: 700_000,
    });
    // Retried (even concurrently) with the same key: one top-up.
    const retries = await Promise.all([allocate(communityId, topUp, 't-1'), allocate(communityId, topUp, 't-1')]);
    for (const retry of retries) {
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
    }
    expect((await allocate(communityId, { ...topUp, reason: '另一事由' }, 't-1')).status).toBe(422);
    // A second top-up with its own key is a second posting, once, even when its first two tries race.
    const raced = await Promise.all([
      allocate(communityId, { ...topUp, amountFen: 50_000 }, 't-2'),
      allocate(communityId, { ...topUp, amountFen: 50_000 }, 't-2'),
    ]);
    // The platform answers a try that arrives while the first still runs with 409 (retry later), or replays
    // the first answer if it already finished; either way one posting.
    const moved = raced.filter((response) => response.status === 201 && !response.headers.get('idempotent-replayed'));
    expect(moved).toHaveLength(1);
    expect(moved[0].body.balanceFen).toBe(750_000);
    for (const other of raced.filter((response) => response !== moved[0])) {
      if (other.status === 201) expect(other.body).toEqual(moved[0].body);
      else expect(other).toMatchObject({ status: 409, body: { code: 'idempotency.in-progress' } });
    }

    expect(await partyBuildingTransfers(communityId)).toEqual([
      { id: `party-building:2026:${communityId}`, purpose: 'party-building-allocation', memo: null, amount: 500_000 },
      expect.objectContaining({ purpose: 'party-building-top-up', memo: '七一专项活动追加', amount: 200_000 }),
      expect.objectContaining({ purpose: 'party-building-top-up', memo: '七一专项活动追加', amount: 50_000 }),
    ]);

    // The community's report shows each as its own line with its reason.
    const report = await finance.api.http.request<{
      received: { partyBuilding: number };
      allocations: { purpose: string; amountFen: number; reason: string | null }[];
    }>('GET', `/reports/communities/${communityId}?year=2026`, { as: secretary(communityId) });
    expect(report.status).toBe(200);
    expect(report.body.received.partyBuilding).toBe(750_000);
    expect(report.body.allocations.map(({ purpose, amountFen, reason }) => ({ purpose, amountFen, reason }))).toEqual([
      { purpose: 'party-building-allocation', amountFen: 500_000, reason: null },
      expect.objectContaining({ purpose: 'party-building-top-up', reason: '七一专项活动追加' }),
      expect.objectContaining({ purpose: 'party-building-top-up', reason: '七一专项活动追加' }),
    ]);
    expect(await finance.ledgerTotal()).toBe(0);
  });

  it('refuses a request without an Idempotency-Key, naming the header', async () => {
    const communityId = await community();
    const refused = await allocate(communityId, { year: 2026, amountFen: 500_000 });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'request.idempotency-key-required' });
    expect(await partyBuildingTransfers(communityId)).toEqual([]);
  });
});
