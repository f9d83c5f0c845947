import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
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
      const response = await finance.http.request<{ state: string; communitiesPaid: number }>(
        'GET',
        `/base-allocations/${year}`,
        { as: financeOfficer },
      );
      expect(response.body.state).toBe('finished');
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
});
