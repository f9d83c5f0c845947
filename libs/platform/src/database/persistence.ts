import type { EntityManager } from 'typeorm';
import { type PreparableStatement, sendPrepared } from './prepared-statements.js';
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

/** The `pg` client a pooled connection is, as far as persistence code talks to it. */
export interface PooledClient {
  query(statement: string | PreparableStatement): Promise<unknown>;
  release(destroy?: boolean): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/** The `pg` pool under a data source: the one TypeORM's query runners borrow their connections from. */
export interface ClientPool {
  query(statement: PreparableStatement): Promise<{ rows: unknown[] }>;
  connect(): Promise<PooledClient>;
}

/** The `pg` pool of the data source `transaction` belongs to; undefined for a driver other than Postgres's. */
export function poolOf(transaction: Transaction): ClientPool | undefined {
  const { connection } = entityManagerOf(transaction);
  if (connection.options.type !== 'postgres') return undefined;
  return (connection.driver as unknown as { master?: ClientPool }).master;
}

/**
 * The rows of one statement. A read outside a transaction (the runner's `reader`) goes straight to the data
 * source's `pg` pool (`poolOf`), as a prepared statement: the API benchmark's profile put the query runner TypeORM
 * makes, connects, releases and broadcasts for around every such query among the avoidable costs of a small read.
 * Inside a transaction the statement runs on the transaction's own query runner, whose `pg` client prepares it too
 * (`prepared-statements.ts`). Errors are `pg`'s own (the failure classification looks down TypeORM's wrapping either
 * way).
 */
export async function queryRows<T>(transaction: Transaction, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const manager = entityManagerOf(transaction);
  const pool = manager.queryRunner === undefined ? poolOf(transaction) : undefined;
  if (pool) {
    const { rows } = await sendPrepared((statement) => pool.query(statement), sql, parameters, true);
    return rows as T[];
  }
  return manager.query<T[]>(sql, parameters);
}

/**
 * The parameters of a statement assembled from parts (several writes in one `WITH`): each part adds its values
 * and gets their placeholders, numbered in the one list the statement is sent with.
 */
export class StatementParameters {
  readonly values: unknown[] = [];

  /** The placeholder of `value`, with a cast where the context does not type it (a `VALUES` list in a `SELECT`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}
