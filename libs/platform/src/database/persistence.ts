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
