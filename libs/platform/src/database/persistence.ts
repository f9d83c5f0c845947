import type { EntityManager } from 'typeorm';
import type { Transaction } from './transaction-runner.js';

/*
 * For persistence code only (repositories in `persistence/` folders, the platform's own tables, test harnesses):
 * the one way between the opaque `Transaction` and TypeORM. Lint refuses this entry elsewhere.
 */

/** The TypeORM entity manager a transaction runs on. */
export function entityManagerOf(transaction: Transaction): EntityManager {
  return transaction as unknown as EntityManager;
}

/** A transaction for work already running on `manager` (a data source's own transaction, or its plain manager). */
export function transactionOf(manager: EntityManager): Transaction {
  return manager as unknown as Transaction;
}

interface RowsPool {
  query(statement: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Reads outside a transaction run as named (prepared) statements: Postgres parses and plans each text once per
 * connection instead of on every read. For the directory's list statement that was about 0.13 ms of Postgres's CPU
 * per read, and Postgres is most of a small read's cost (docs/performance.md, "The API hot path"). The texts are the repositories' own, composed from fixed fragments (values are
 * always parameters), so there are few of them; past the cap a text runs unnamed.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 500;

function statementNameOf(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `jianfu_read_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * `cached plan must not change result type`: a migration changed the type of a column a prepared statement
 * returns (a new release migrating while this process still runs). The statement is sent again unnamed.
 */
const isStalePreparedStatement = (error: unknown) => (error as { code?: unknown }).code === '0A000';

/**
 * The rows of one statement. A read outside a transaction (the runner's `reader`) goes straight to the data
 * source's `pg` pool, the one TypeORM's query runner would borrow a connection from, as a prepared statement: the
 * API benchmark's profile put the query runner TypeORM makes, connects, releases and broadcasts for around every
 * such query among the avoidable costs of a small read. Inside a transaction the statement runs on the
 * transaction's own query runner, as before. Errors are `pg`'s own (the failure classification looks down
 * TypeORM's wrapping either way).
 */
export async function queryRows<T>(transaction: Transaction, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const manager = entityManagerOf(transaction);
  const driver = manager.connection.driver as unknown as { master?: RowsPool };
  if (manager.queryRunner === undefined && manager.connection.options.type === 'postgres' && driver.master) {
    const name = statementNameOf(sql);
    try {
      return (await driver.master.query({ ...(name ? { name } : {}), text: sql, values: parameters })).rows as T[];
    } catch (error) {
      if (!name || !isStalePreparedStatement(error)) throw error;
      return (await driver.master.query({ text: sql, values: parameters })).rows as T[];
    }
  }
  return manager.query<T[]>(sql, parameters);
}
