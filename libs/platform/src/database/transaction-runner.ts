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

/** Runs a use case's writes (state and outbox rows) in one database transaction. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionOf(manager)));
  }

  /** Reads outside a write transaction. */
  get reader(): Transaction {
    return transactionOf(this.dataSource.manager);
  }
}
