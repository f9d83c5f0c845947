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
 * Runs `work` once the transaction commits, after `work` of the transaction returned (in the caller's async context,
 * so in its trace); never when it rolls back. The runner runs it before it hands its result back; the event consumer
 * runs it beside its next events (`runTransactionThen`). Only transactions opened by those two run it: elsewhere it
 * throws, loudly.
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
  const { result, afterCommit } = await runTransactionThen(dataSource, work);
  if (afterCommit) await afterCommit();
  return result;
}

/**
 * One database transaction on `dataSource`; what its work registered with `onCommit` comes back as `afterCommit`, for
 * the caller to run (in order) when it chooses, or undefined when it registered nothing (most events: no promise to
 * make and track for them). The event consumer runs it without holding its next events: a workflow started after a
 * handled event's commit held the consumer's next fetch for as long as Temporal took to answer (docs/performance.md,
 * "2026-12-07 17:30").
 */
export async function runTransactionThen<T>(
  dataSource: DataSource,
  work: (transaction: Transaction) => Promise<T>,
): Promise<{ result: T; afterCommit: (() => Promise<void>) | undefined }> {
  const pending: (() => Promise<void>)[] = [];
  const result = await dataSource.transaction((manager) => {
    const transaction = transactionOf(manager);
    afterCommit.set(transaction, pending);
    return work(transaction);
  });
  if (pending.length === 0) return { result, afterCommit: undefined };
  return {
    result,
    afterCommit: async () => {
      for (const next of pending) await next();
    },
  };
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
