import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { Roles, TransactionRunner } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { BaseAllocationsRepository } from '../src/base-allocation/persistence/base-allocations.repository.js';
import { createBaseAllocationActivities } from '../src/base-allocation/workflows/base-allocation.activities.js';
import { LedgerRepository } from '../src/ledger/persistence/ledger.repository.js';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * The yearly base allocation on the real servers: every community of the district is paid the standard
 * once, an interrupted run resumes without paying anyone twice, and a rerun pays only communities added since.
 */
describe('base allocation', () => {
  const isolation = createTestIsolation('base-allocation');
  const schema = isolation.schema('finance');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  let finance: FinanceUnderTest;

  async function addCommunities(count: number, districtCode = '350102'): Promise<void> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await finance.db.query(
      `INSERT INTO ${schema}.directory_community (community_id, code, name, street_code, district_code, as_of)
       SELECT id, 'C-' || id, '社区', 'S-1', $2, now() FROM unnest($1::uuid[]) AS id`,
      [ids, districtCode],
    );
  }

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation, { BASE_ALLOCATION_BATCH_SIZE: '40' });
  });

  afterAll(async () => {
    await finance?.close();
  });

  async function basePayments(year: number) {
    const { rows } = await finance.db.query<{
      communities: number;
      distinct_communities: number;
      total: string;
      min: string;
      max: string;
    }>(
      `SELECT count(*)::int AS communities, count(DISTINCT p.account_id)::int AS distinct_communities,
              sum(p.amount_fen) AS total, min(p.amount_fen) AS min, max(p.amount_fen) AS max
       FROM ${schema}.ledger_posting p JOIN ${schema}.ledger_transfer t ON t.id = p.transfer_id
       WHERE t.id LIKE $1 AND p.amount_fen > 0`,
      [`base:${year}:%`],
    );
    return rows[0];
  }

  async function finished(year: number) {
    return eventually(async () => {
      const response = await finance.http.request<{ status: string; communitiesPaid: number }>(
        'GET',
        `/base-allocations/${year}`,
        { as: financeOfficer },
      );
      expect(response.body.status).toBe('finished');
      return response.body;
    }, 60_000);
  }

  it('pays every community the default standard once, resuming after the worker is stopped mid-run', async () => {
    await addCommunities(600);
    await addCommunities(3, '350103');
    const standard = await finance.http.request('GET', '/base-allocation-standards/2026', { as: financeOfficer });
    expect(standard.body).toMatchObject({ amountFen: 4_500_000, isDefault: true });

    const started = await finance.http.request('POST', '/base-allocations/2026', { as: financeOfficer });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      workflowId: expect.stringMatching(/^base-allocation-350102-2026-/),
      amountFen: 4_500_000,
      started: true,
    });

    await eventually(async () => {
      const { rows } = await finance.db.query<{ seen: number }>(
        `SELECT communities_seen AS seen FROM ${schema}.base_allocation_run WHERE year = 2026`,
      );
      expect(rows[0].seen).toBeGreaterThan(0);
    });
    await finance.stopWorker();
    const again = await finance.http.request('POST', '/base-allocations/2026', { as: financeOfficer });
    expect(again.body).toMatchObject({ started: false });
    await finance.startWorker();

    expect(await finished(2026)).toMatchObject({ communitiesSeen: 600, communitiesPaid: 600 });
    // Pages of 40 read on after the last one's final community: the cursor ends at the district's last community.
    const { rows: cursors } = await finance.db.query<{ offset: number; code: string; last: string }>(
      `SELECT r.page_cursor_offset AS "offset", r.page_cursor_code AS code,
              (SELECT max(code) FROM ${schema}.directory_community WHERE district_code = '350102') AS last
       FROM ${schema}.base_allocation_run r WHERE r.district_code = '350102' AND r.year = 2026`,
    );
    expect(cursors[0]).toEqual({ offset: 600, code: cursors[0].last, last: expect.any(String) });
    expect(await basePayments(2026)).toEqual({
      communities: 600,
      distinct_communities: 600,
      total: String(600 * 4_500_000),
      min: '4500000',
      max: '4500000',
    });
  });

  it('pays only communities added since when run again, and follows a district standard', async () => {
    await addCommunities(7);
    const rerun = await finance.http.request('POST', '/base-allocations/2026', { as: financeOfficer });
    expect(rerun.body).toMatchObject({ started: true });
    expect(await finished(2026)).toMatchObject({ runNumber: 2, communitiesSeen: 607, communitiesPaid: 7 });
    expect(await basePayments(2026)).toMatchObject({ communities: 607, distinct_communities: 607 });

    const set = await finance.http.request('PUT', '/base-allocation-standards/2027', {
      as: financeOfficer,
      body: { amountFen: 5_000_000 },
    });
    expect(set.status).toBe(200);
    for (const amountFen of [0, 12.5, -3]) {
      const refused = await finance.http.request('PUT', '/base-allocation-standards/2027', {
        as: financeOfficer,
        body: { amountFen },
      });
      expect(refused.status).toBe(400);
    }
    await finance.http.request('POST', '/base-allocations/2027', { as: financeOfficer });
    await finished(2027);
    expect(await basePayments(2027)).toMatchObject({ communities: 607, min: '5000000', max: '5000000' });
    const { rows } = await finance.db.query<{ total: string }>(
      `SELECT sum(amount_fen) AS total FROM ${schema}.ledger_posting`,
    );
    expect(Number(rows[0].total)).toBe(0);
  });

  it('tops up a standard raised mid-year: each community already paid gets the difference once, with the reason', async () => {
    await addCommunities(50);
    const { rows: counted } = await finance.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.directory_community WHERE district_code = '350102'`,
    );
    const communities = counted[0].n;
    const put = (amountFen: number) =>
      finance.http.request('PUT', '/base-allocation-standards/2028', { as: financeOfficer, body: { amountFen } });
    const topUp = (body: object, key?: string) =>
      finance.http.request<{ code?: string; replayed?: boolean; topUpId?: string }>(
        'POST',
        '/base-allocations/2028/top-ups',
        { as: financeOfficer, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) },
      );
    const reason = '区政府常务会议决定年中提标至4.5万元';

    expect((await put(2_500_000)).status).toBe(200);
    expect(await topUp({ amountFen: 4_500_000, reason }, 'too-early')).toMatchObject({
      status: 409,
      body: { code: 'base-top-up.nothing-allocated' },
    });
    expect((await finance.http.request('POST', '/base-allocations/2028', { as: financeOfficer })).status).toBe(202);
    await finished(2028);
    expect(await basePayments(2028)).toMatchObject({ communities, min: '2500000', max: '2500000' });

    // Once paid, the standard changes only through a top-up; a rerun would not pay the difference.
    for (const amountFen of [4_500_000, 2_000_000]) {
      expect(await put(amountFen)).toMatchObject({ status: 409, body: { code: 'base-standard.already-allocated' } });
    }
    expect(await topUp({ amountFen: 4_500_000, reason })).toMatchObject({
      status: 400,
      body: { code: 'request.idempotency-key-required' },
    });
    expect((await topUp({ amountFen: 4_500_000 }, 'raise-1')).status).toBe(400);
    expect(await topUp({ amountFen: 2_500_000, reason }, 'raise-1')).toMatchObject({
      status: 409,
      body: { code: 'base-top-up.not-a-raise' },
    });

    // The worker is away while the top-up is asked for, so the run is certainly still going below.
    await finance.stopWorker();
    const started = await topUp({ amountFen: 4_500_000, reason }, 'raise-1');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ year: 2028, fromFen: 2_500_000, toFen: 4_500_000, reason, replayed: false });
    const repeated = await topUp({ amountFen: 4_500_000, reason }, 'raise-1');
    expect(repeated).toMatchObject({ status: 202, body: started.body });
    expect(repeated.headers.get('idempotent-replayed')).toBe('true');
    expect(await topUp({ amountFen: 5_000_000, reason }, 'raise-1')).toMatchObject({
      status: 422,
      body: { code: 'idempotency.key-reused' },
    });
    expect(await topUp({ amountFen: 5_000_000, reason }, 'raise-2')).toMatchObject({
      status: 409,
      body: { code: 'base-allocation.run-in-progress' },
    });
    await finance.startWorker();
    expect(await finished(2028)).toMatchObject({ communitiesSeen: communities, communitiesPaid: 0 });

    const { rows: topUps } = await finance.db.query<{
      n: number;
      accounts: number;
      min: string;
      max: string;
      memos: string[];
    }>(
      `SELECT count(*)::int AS n, count(DISTINCT p.account_id)::int AS accounts, min(p.amount_fen) AS min,
              max(p.amount_fen) AS max, array_agg(DISTINCT t.memo) AS memos
       FROM ${schema}.ledger_posting p JOIN ${schema}.ledger_transfer t ON t.id = p.transfer_id
       WHERE t.purpose = 'base-top-up' AND t.id LIKE 'base-top-up:2028:%' AND p.amount_fen > 0`,
    );
    expect(topUps[0]).toEqual({
      n: communities,
      accounts: communities,
      min: '2000000',
      max: '2000000',
      memos: [reason],
    });
    const run = await finance.http.request('GET', '/base-allocations/2028', { as: financeOfficer });
    expect(run.body).toMatchObject({
      amountFen: 4_500_000,
      communitiesToppedUp: communities,
      topUpId: started.body.topUpId,
    });
    expect(
      (await finance.http.request('GET', '/base-allocation-standards/2028', { as: financeOfficer })).body,
    ).toMatchObject({
      amountFen: 4_500_000,
      isDefault: false,
    });

    // A page retried after it committed (an activity retry) pays nobody again.
    const retried = await createBaseAllocationActivities({
      transactions: finance.api.app.get(TransactionRunner, { strict: false }),
      ledger: finance.api.app.get(LedgerRepository, { strict: false }),
      directory: finance.api.app.get(CommunityDirectoryRepository, { strict: false }),
      allocations: finance.api.app.get(BaseAllocationsRepository, { strict: false }),
    }).allocateBaseFundBatch({ districtCode: '350102', year: 2028, amountFen: 4_500_000, offset: 0, limit: 1000 });
    expect(retried).toEqual({ seen: communities, paid: 0, toppedUp: 0 });

    // Repeated after it finished: the first answer, nothing paid again; the standard is the raised one.
    const afterwards = await topUp({ amountFen: 4_500_000, reason }, 'raise-1');
    expect(afterwards).toMatchObject({ status: 202, body: started.body });
    expect(afterwards.headers.get('idempotent-replayed')).toBe('true');
    const listed = await finance.http.request<{ items: object[] }>('GET', '/base-allocations/2028/top-ups', {
      as: financeOfficer,
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ topUpId: started.body.topUpId, fromFen: 2_500_000, toFen: 4_500_000, reason }),
    ]);

    // Communities added later are paid the raised standard in full by a rerun; nobody is topped up twice.
    await addCommunities(3);
    expect((await finance.http.request('POST', '/base-allocations/2028', { as: financeOfficer })).status).toBe(202);
    expect(await finished(2028)).toMatchObject({ communitiesPaid: 3, communitiesToppedUp: 0 });
    const { rows: perCommunity } = await finance.db.query<{ net: string; n: number }>(
      `SELECT sum(p.amount_fen) AS net, count(*)::int AS n FROM ${schema}.ledger_posting p
       JOIN ${schema}.ledger_transfer t ON t.id = p.transfer_id
       WHERE t.reference = 'base:350102:2028' AND p.account_id LIKE 'community:%'
       GROUP BY p.account_id ORDER BY 1`,
    );
    expect(perCommunity).toHaveLength(communities + 3);
    expect(new Set(perCommunity.map((row) => row.net))).toEqual(new Set(['4500000']));

    // The ledger and the community's report show the top-up as its own posting, with its reason.
    const [{ community_id: someCommunity }] = (
      await finance.db.query<{ community_id: string }>(
        `SELECT owner_id AS community_id FROM ${schema}.ledger_account a
         JOIN ${schema}.ledger_posting p ON p.account_id = a.id
         WHERE p.transfer_id LIKE 'base-top-up:2028:%' AND a.kind = 'community-base' LIMIT 1`,
      )
    ).rows;
    const statement = await finance.http.request<{ postings: { items: { purpose: string; memo: string | null }[] } }>(
      'GET',
      `/ledger/accounts/${encodeURIComponent(`community:${someCommunity}:base-operating`)}`,
      { as: financeOfficer },
    );
    expect(statement).toMatchObject({ status: 200 });
    expect(statement.body.postings.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ purpose: 'base-top-up', memo: reason, amountFen: 2_000_000 })]),
    );
    const report = await finance.http.request<{ allocations: object[] }>(
      'GET',
      `/reports/communities/${someCommunity}?from=2026-01-01&to=2030-12-31`,
      { as: financeOfficer },
    );
    expect(report.body.allocations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'base-allocation', amountFen: 2_500_000, reason: null }),
        expect.objectContaining({ purpose: 'base-top-up', fund: 'baseOperating', amountFen: 2_000_000, reason }),
      ]),
    );
    const { rows } = await finance.db.query<{ total: string }>(
      `SELECT sum(amount_fen) AS total FROM ${schema}.ledger_posting`,
    );
    expect(Number(rows[0].total)).toBe(0);
  });
});
