import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { FinanceConfig } from '@jianfu/finance';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  currentInfrastructure,
  principal,
  type ServiceUnderTest,
  testDatabase,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

const backupScript = fileURLToPath(new URL('../../../infra/local/backup.sh', import.meta.url));

/**
 * The restore drill of docs/operations.md on the test Postgres: finance's ledger gets postings through its API, the
 * drill dumps the schema, restores it into a fresh database and proves every table identical; the restored ledger
 * then gives every account the balance it had.
 */
describe('backup and restore drill', () => {
  const isolation = createTestIsolation('restore-drill');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-drill');
  const schema = isolation.schema('finance');
  const database = `jianfu_drill_${randomBytes(4).toString('hex')}`;
  const source = testDatabase();
  let finance: ServiceUnderTest<FinanceConfig>;
  let restored: pg.Pool | undefined;

  beforeAll(async () => {
    finance = await services.finance.start(isolation);
  });

  afterAll(async () => {
    await restored?.end();
    await source.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
    await source.end();
    await finance?.close();
  });

  /** Every ledger account's balance from its postings, beside the balance the account row keeps. */
  async function balances(pool: pg.Pool) {
    const { rows } = await pool.query<{ id: string; balance_fen: string; posted: string | null }>(
      `SELECT a.id, a.balance_fen, (SELECT sum(p.amount_fen) FROM ${schema}.ledger_posting p WHERE p.account_id = a.id)
         AS posted FROM ${schema}.ledger_account a ORDER BY a.id`,
    );
    return rows.map((row) => ({ id: row.id, balanceFen: Number(row.balance_fen), postedFen: Number(row.posted ?? 0) }));
  }

  it('restores every schema into a fresh database with the ledger balancing as before', async () => {
    for (const [index, departmentId] of [randomUUID(), randomUUID()].entries()) {
      const budget = await finance.http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
        as: financeOfficer,
        body: { approvedFen: 1_000_000 * (index + 1), reason: '2026 年部门预算' },
      });
      expect(budget.status).toBe(200);
    }
    const before = await balances(source);
    expect(before.some((account) => account.postedFen !== 0)).toBe(true);

    const output = execFileSync('bash', [backupScript, 'drill', '--keep', database], {
      encoding: 'utf8',
      env: {
        ...process.env,
        JIANFU_BACKUP_DATABASE_URL: currentInfrastructure().databaseUrl,
        JIANFU_BACKUP_SCHEMAS: schema,
        // The test servers' Temporal has no dev store file; the drill covers the services' schemas.
        JIANFU_TEMPORAL_DB: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output.trim()).toBe(database);

    const url = new URL(currentInfrastructure().databaseUrl);
    url.pathname = `/${database}`;
    restored = new pg.Pool({ connectionString: url.toString(), max: 1 });
    const after = await balances(restored);
    expect(after).toEqual(before);
    // Double entry survives: the postings sum to zero, and each account's kept balance is its postings' sum.
    expect(after.reduce((sum, account) => sum + account.postedFen, 0)).toBe(0);
    for (const account of after) expect(account.balanceFen).toBe(account.postedFen);
    // The ledger stays append-only in the restored database: its triggers came along.
    await expect(restored.query(`UPDATE ${schema}.ledger_posting SET amount_fen = amount_fen`)).rejects.toThrow();
  });
});
