import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { WorkerChange } from '../../domain/worker-record.js';
import { WorkersRepository } from '../../persistence/workers.repository.js';
import { WorkerAccess } from '../../worker-access.js';
import { GetWorkerHistoryQuery } from './get-worker-history.query.js';

@QueryHandler(GetWorkerHistoryQuery)
export class GetWorkerHistoryHandler implements IQueryHandler<GetWorkerHistoryQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly workers: WorkersRepository,
  ) {}

  async execute(query: GetWorkerHistoryQuery): Promise<Page<WorkerChange>> {
    const reader = this.transactions.reader;
    await this.access.read(reader, query.actor, query.workerId);
    const { items, total } = await this.workers.historyPage(reader, query.workerId, query);
    return toPage(items, total, query);
  }
}
