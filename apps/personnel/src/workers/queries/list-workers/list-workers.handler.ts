import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { WorkerRecord } from '../../domain/worker-record.js';
import { WorkersRepository } from '../../persistence/workers.repository.js';
import { ListWorkersQuery } from './list-workers.query.js';

@QueryHandler(ListWorkersQuery)
export class ListWorkersHandler implements IQueryHandler<ListWorkersQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly workers: WorkersRepository,
  ) {}

  async execute(query: ListWorkersQuery): Promise<Page<WorkerRecord>> {
    const { items, total } = await this.workers.listInScope(this.transactions.reader, query.actor.scope, {
      ...query.filter,
      offset: query.offset,
      limit: query.limit,
    });
    return toPage(items, total, query);
  }
}
