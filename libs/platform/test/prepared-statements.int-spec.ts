import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { entityManagerOf, queryRows } from '../src/database/persistence.js';
import { preparingClient } from '../src/database/prepared-statements.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';

// The platform library stands below the testing library, so this suite takes the database from the global setup's
// environment itself.
const databaseUrl = process.env.JIANFU_TEST_DATABASE_URL!;

/**
 * Statements with parameters run prepared (named) on every connection once the data source is migrated, inside a
 * transaction as outside, and a plan a migration made stale costs at most the transaction it failed.
 */
describe('prepared statements', () => {
  let dataSource: DataSource;
  let runner: TransactionRunner;
  const Client = preparingClient();
  const table = `prepared_probe_${randomBytes(4).toString('hex')}`;

  /** The statements the connection of this transaction has prepared, by text. */
  const preparedOn = async (tx: Parameters<typeof queryRows>[0]) =>
    (
      await entityManagerOf(tx).query<{ statement: string }[]>(
        `SELECT statement FROM pg_prepared_statements WHERE name LIKE 'jianfu_stmt_%'`,
      )
    ).map((row) => row.statement);

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: databaseUrl, extra: { Client, max: 1 } }).initialize();
    runner = new TransactionRunner(dataSource);
    await dataSource.query(`CREATE TABLE ${table} (id int PRIMARY KEY, fen bigint NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS ${table}`);
    await dataSource.destroy();
  });

  it('runs statements unnamed until the data source is migrated, then prepares each text once', async () => {
    const insert = `INSERT INTO ${table} (id, fen) VALUES ($1, $2)`;
    await runner.run((tx) => entityManagerOf(tx).query(insert, [1, 100]));
    expect(await runner.run(preparedOn)).not.toContain(insert);

    Client.startPreparing();
    await runner.run(async (tx) => {
      await entityManagerOf(tx).query(insert, [2, 200]);
      await entityManagerOf(tx).query(insert, [3, 300]);
    });
    // One connection (the pool's only one): the text was prepared once and ran twice.
    expect((await runner.run(preparedOn)).filter((statement) => statement === insert)).toHaveLength(1);
    // TypeORM's answers are as before: rows, and for an UPDATE the rows with the count.
    const updated: unknown = await runner.run((tx) =>
      entityManagerOf(tx).query(`UPDATE ${table} SET fen = fen + $1 WHERE id >= $2`, [1, 2]),
    );
    expect(updated).toEqual([[], 2]);
    expect(await queryRows(runner.reader, `SELECT id, fen FROM ${table} WHERE id > $1 ORDER BY id`, [0])).toEqual([
      { id: 1, fen: '100' },
      { id: 2, fen: '201' },
      { id: 3, fen: '301' },
    ]);
  });

  it('answers a statement whose plan a migration made stale: at once outside a transaction, on the retry inside one', async () => {
    Client.startPreparing();
    const read = `SELECT * FROM ${table} WHERE id = $1`;
    await expect(runner.run((tx) => entityManagerOf(tx).query(read, [1]))).resolves.toEqual([{ id: 1, fen: '100' }]);
    // A new release's migration adds a column: the prepared plan's row type no longer holds.
    await dataSource.query(`ALTER TABLE ${table} ADD COLUMN note text NOT NULL DEFAULT '备注'`);

    // Inside a transaction the statement fails (the transaction with it) and nothing it wrote stays…
    await expect(
      runner.run(async (tx) => {
        await entityManagerOf(tx).query(`UPDATE ${table} SET fen = $1 WHERE id = 1`, [0]);
        return entityManagerOf(tx).query<unknown[]>(read, [1]);
      }),
    ).rejects.toMatchObject({ driverError: { code: '0A000' } });
    // …and the caller's retry runs it under a new name.
    await expect(runner.run((tx) => entityManagerOf(tx).query(read, [1]))).resolves.toEqual([
      { id: 1, fen: '100', note: '备注' },
    ]);

    await dataSource.query(`ALTER TABLE ${table} ADD COLUMN checked boolean NOT NULL DEFAULT false`);
    // Outside a transaction it is answered at once.
    await expect(dataSource.query(read, [2])).resolves.toEqual([{ id: 2, fen: '201', note: '备注', checked: false }]);
  });
});
