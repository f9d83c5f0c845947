import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A transaction handed to repositories; use cases never touch TypeORM themselves. */
export type Transaction = EntityManager;

/** Runs a use case's writes (state and outbox rows) in one database transaction. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Reads outside a write transaction. */
  get reader(): Transaction {
    return this.dataSource.manager;
  }
}
