import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import { DomainError, Roles, TransactionRunner } from '@jianfu/platform';
import {
  createTestIsolation,
  currentInfrastructure,
  principal,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@jianfu/testing';
import { FinanceModule } from '../src/app.module.js';
import { FinanceConfig } from '../src/config.js';
import { type Account, Accounts } from '../src/ledger/domain/account.js';
import { LedgerBook } from '../src/ledger/domain/ledger-book.js';
import { reversalOf, simpleTransfer, type Transfer } from '../src/ledger/domain/transfer.js';
import { LedgerRepository } from '../src/ledger/persistence/ledger.repository.js';

/**
 * The ledger on the real Postgres: concurrent transfers against one balance, replayed ids, the database's
 * own guards (balanced transfers, immutable postings), and random operation sequences checked against the
 * in-memory reference model.
 */
describe('ledger persistence', () => {
  const isolation = createTestIsolation('finance-ledger');
  const schema = isolation.schema('finance');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  let finance: ServiceUnderTest<FinanceConfig>;
  let transactions: TransactionRunner;
  let ledger: LedgerRepository;
  let db: pg.Pool;

  beforeAll(async () => {
    finance = await startServiceUnderTest({
      configClass: FinanceConfig,
      environment: serviceEnvironment(isolation, 'finance'),
      module: (config) => FinanceModule.forApi(config),
    });
    transactions = finance.app.get(TransactionRunner);
    ledger = finance.app.get(LedgerRepository);
    db = new pg.Pool({ connectionString: currentInfrastructure().databaseUrl, max: 4 });
  });

  afterAll(async () => {
    await finance?.close();
    await db?.end();
  });

  const post = (transfer: Transfer) => transactions.run((tx) => ledger.postOne(tx, transfer));

  async function ledgerTotal(): Promise<number> {
    const { rows } = await db.query<{ total: string | null }>(
      `SELECT sum(amount_fen) AS total FROM ${schema}.ledger_posting`,
    );
    return Number(rows[0].total ?? 0);
  }

  async function balancesMatchPostings(): Promise<void> {
    const { rows } = await db.query(
      `SELECT a.id FROM ${schema}.ledger_account a
       LEFT JOIN (SELECT account_id, sum(amount_fen) AS s FROM ${schema}.ledger_posting GROUP BY account_id) p
         ON p.account_id = a.id
       WHERE a.balance_fen <> coalesce(p.s, 0)`,
    );
    expect(rows).toEqual([]);
  }

  it('lets exactly as many concurrent withdrawals through as the balance covers', async () => {
    const department = '0e8f3e59-7d2c-4b7f-a0d2-1f3a4c5b6d01';
    const treasury = Accounts.districtTreasury('350102');
    const available = Accounts.departmentAvailable(department, 2026);
    const reserved = Accounts.departmentReserved(department, 2026);
    await post(
      simpleTransfer({
        id: 'budget-1',
        purpose: 'budget-appropriation',
        from: treasury,
        to: available,
        amountFen: 1_000,
      }),
    );

    const attempts = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        post(
          simpleTransfer({
            id: `reserve-${i}`,
            purpose: 'budget-reservation',
            from: available,
            to: reserved,
            amountFen: 100,
          }),
        ),
      ),
    );
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(10);
    for (const refusal of refused) {
      expect(refusal.reason).toMatchObject({ code: 'ledger.insufficient-funds' });
    }
    expect(await ledger.balanceOf(transactions.reader, available.id)).toBe(0);
    expect(await ledger.balanceOf(transactions.reader, reserved.id)).toBe(1_000);
    expect(await ledgerTotal()).toBe(0);
    await balancesMatchPostings();
  });

  it('answers a replayed transfer id with the first result and posts nothing more, even concurrently', async () => {
    const treasury = Accounts.districtTreasury('350102');
    const base = Accounts.communityBase('5f1d7a10-3c2b-4e6f-8a9b-0c1d2e3f4a5b');
    const first = simpleTransfer({
      id: 'base:2026:x',
      purpose: 'base-allocation',
      from: treasury,
      to: base,
      amountFen: 4_500_000,
    });
    // A confused client sends the same id with another amount at the same moment: whichever commits first wins.
    const results = await Promise.all([
      post(first),
      post(first),
      post({ ...first, postings: first.postings.map((p) => ({ ...p, amountFen: p.amountFen * 2 })) }),
    ]);
    const winners = results.filter((r) => !r.replayed);
    expect(winners).toHaveLength(1);
    const paid = winners[0].transfer.postings[1].amountFen;
    expect([4_500_000, 9_000_000]).toContain(paid);
    for (const result of results) expect(result.transfer.postings.map((p) => p.amountFen)).toEqual([-paid, paid]);
    expect(await post(first)).toMatchObject({ replayed: true });
    expect(await ledger.balanceOf(transactions.reader, base.id)).toBe(paid);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${schema}.ledger_posting WHERE transfer_id = $1`, [
      first.id,
    ]);
    expect(rows[0]).toEqual({ n: 2 });

    const shown = await finance.http.request('GET', `/ledger/transfers/${encodeURIComponent(first.id)}`, {
      as: financeOfficer,
    });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: first.id, purpose: 'base-allocation' });
    const account = await finance.http.request('GET', `/ledger/accounts/${encodeURIComponent(base.id)}`, {
      as: financeOfficer,
    });
    expect(account.body).toMatchObject({
      balanceFen: paid,
      postings: { items: [{ transferId: first.id, amountFen: paid }], total: 1, offset: 0, limit: 50 },
    });
  });

  it('refuses, in the database itself, an unbalanced transfer and any change to a posting', async () => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${schema}.ledger_transfer (id, purpose) VALUES ('rogue', 'base-allocation')`);
      await client.query(
        `INSERT INTO ${schema}.ledger_posting (transfer_id, account_id, amount_fen) VALUES ('rogue', 'treasury:350102', -5)`,
      );
      await expect(client.query('COMMIT')).rejects.toThrow(/does not balance/);
      await expect(client.query(`UPDATE ${schema}.ledger_posting SET amount_fen = 1`)).rejects.toThrow(/immutable/);
      await expect(client.query(`DELETE FROM ${schema}.ledger_transfer`)).rejects.toThrow(/immutable/);
      await expect(
        client.query(`UPDATE ${schema}.ledger_account SET balance_fen = -1 WHERE kind = 'community-base'`),
      ).rejects.toThrow(/ledger_account_not_below_zero/);
    } finally {
      client.release();
    }
  });

  it('agrees with the reference model under random transfers, reversals and retries', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            op: fc.constantFrom('transfer', 'transfer', 'transfer', 'reverse', 'retry'),
            from: fc.nat(4),
            to: fc.nat(4),
            amountFen: fc.integer({ min: 1, max: 3_000 }),
            pick: fc.nat(),
          }),
          { minLength: 5, maxLength: 25 },
        ),
        async (operations) => {
          run += 1;
          const owner = `prop-${run}`;
          const world: Account[] = [
            Accounts.districtTreasury(owner),
            Accounts.departmentAvailable(owner, 2026),
            Accounts.departmentReserved(owner, 2026),
            Accounts.communityBase(owner),
            Accounts.workerPayout(owner),
          ];
          const model = new LedgerBook();
          const posted: Transfer[] = [];
          for (const [index, { op, from, to, amountFen, pick }] of operations.entries()) {
            let transfer: Transfer | undefined;
            if (op === 'transfer' && from !== to) {
              transfer = simpleTransfer({
                id: `${owner}:${index}`,
                purpose: 'payout',
                from: world[from],
                to: world[to],
                amountFen,
              });
            } else if (op === 'reverse' && posted.length > 0) {
              transfer = reversalOf(posted[pick % posted.length]);
            } else if (op === 'retry' && posted.length > 0) {
              transfer = posted[pick % posted.length];
            }
            if (!transfer) continue;
            let expected: string;
            try {
              expected = model.post(transfer).replayed ? 'replayed' : 'posted';
            } catch (error) {
              expected = (error as DomainError).code;
            }
            let actual: string;
            try {
              actual = (await post(transfer)).replayed ? 'replayed' : 'posted';
            } catch (error) {
              actual = (error as DomainError).code;
            }
            expect(actual).toBe(expected);
            if (actual === 'posted') posted.push(transfer);
          }
          const stored = await ledger.balances(
            transactions.reader,
            world.map((a) => a.id),
          );
          for (const account of world) {
            expect(stored.find((s) => s.id === account.id)?.balanceFen ?? 0).toBe(model.balanceOf(account.id));
          }
        },
      ),
      { numRuns: 15 },
    );
    expect(await ledgerTotal()).toBe(0);
    await balancesMatchPostings();
  });
});
