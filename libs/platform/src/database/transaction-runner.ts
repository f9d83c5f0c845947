import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { transactionOf } from './persistence.js';

/** Brands a `Transaction`, so nothing but the runner (and persistence code, through `transactionOf`) makes one. */
export declare const transactionBrand: unique symbol;

/**
 * A transaction handed to repositories. It is opaque: use cases, activities and access checks only pass it on; the
 * repositories of `persistence/` folders open it with `entityManagerOf` (`@jianfu/platform/persistence`).
 */
export interface Transaction {
  readonly [transactionBrand]: true;
}

/** Work registered by `onCommit`, per open transaction (its entity manager). */
const afterCommit = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Runs `work` once the transaction commits, after `work` of the transaction returned and before the runner hands
 * its result back (in the caller's async context, so in its trace); never when it rolls back. Only transactions
 * opened by `runTransaction` (the runner's, the event consumer's) run it: elsewhere it throws, loudly.
 */
export function onCommit(transaction: Transaction, work: () => Promise<void>): void {
  const pending = afterCommit.get(transaction);
  if (!pending) throw new Error('onCommit needs a transaction opened by the TransactionRunner or the event consumer');
  pending.push(work);
}

/** One database transaction on `dataSource`, then whatever its work registered with `onCommit`, in order. */
export async function runTransaction<T>(
  dataSource: DataSource,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  const pending: (() => Promise<void>)[] = [];
  const result = await dataSource.transaction((manager) => {
    const transaction = transactionOf(manager);
    afterCommit.set(transaction, pending);
    return work(transaction);
  });
  for (const next of pending) await next();
  return result;
}

/** Runs a use case's writes (state and outbox rows) in one database transaction. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  /** Reads outside a write transaction. */
  get reader(): Transaction {
    return transactionOf(this.dataSource.manager);
  }
}
