import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { queryRows } from '../src/database/persistence.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';

// The platform library stands below the testing library, so this suite takes the database from the global setup's
// environment itself.
const databaseUrl = process.env.JIANFU_TEST_DATABASE_URL!;

describe('TransactionRunner.snapshot', () => {
  let dataSource: DataSource;
  let runner: TransactionRunner;
  const table = `snapshot_probe_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 3 }).initialize();
    runner = new TransactionRunner(dataSource);
    await dataSource.query(`CREATE TABLE ${table} (id int PRIMARY KEY, fen bigint NOT NULL)`);
    await dataSource.query(`INSERT INTO ${table} VALUES (1, 100), (2, 900)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS ${table}`);
    await dataSource.destroy();
  });

  const fenOf = async (tx: Parameters<typeof queryRows>[0], id: number) =>
    Number((await queryRows<{ fen: string }>(tx, `SELECT fen FROM ${table} WHERE id = $1`, [id]))[0].fen);

  it('reads everything from the state of its first read, whatever commits in between', async () => {
    const seen = await runner.snapshot(async (tx) => {
      const first = await fenOf(tx, 1);
      // Another transaction moves 50 fen from row 1 to row 2 and commits between the two reads.
      await runner.run(async (other) => {
        await queryRows(other, `UPDATE ${table} SET fen = fen - 50 WHERE id = 1`);
        await queryRows(other, `UPDATE ${table} SET fen = fen + 50 WHERE id = 2`);
      });
      return { first, second: await fenOf(tx, 2) };
    });
    // The two reads agree: no fen counted twice. Outside, the move is there.
    expect(seen).toEqual({ first: 100, second: 900 });
    expect([await fenOf(runner.reader, 1), await fenOf(runner.reader, 2)]).toEqual([50, 950]);
  });

  it('refuses to write', async () => {
    await expect(runner.snapshot((tx) => queryRows(tx, `UPDATE ${table} SET fen = 0 WHERE id = 1`))).rejects.toThrow(
      /read-only transaction/,
    );
    expect(await fenOf(runner.reader, 1)).toBe(50);
    // The refused snapshot's connection went back to the pool rolled back: every pooled connection (3) reads again.
    await expect(Promise.all([1, 2, 1].map((id) => runner.snapshot((tx) => fenOf(tx, id))))).resolves.toEqual([
      50, 950, 50,
    ]);
  });
});
