import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import type { WorkerEntity } from '../../persistence/worker.entity.js';
import { WorkersRepository } from '../../persistence/workers.repository.js';
import { ListWorkersQuery } from './list-workers.query.js';

@QueryHandler(ListWorkersQuery)
export class ListWorkersHandler implements IQueryHandler<ListWorkersQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly workers: WorkersRepository,
  ) {}

  execute(query: ListWorkersQuery): Promise<{ items: WorkerEntity[]; total: number }> {
    if (query.offset < 0 || query.limit < 1 || query.limit > 500) {
      throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 500', 400);
    }
    return this.workers.listInScope(this.transactions.reader, query.actor.scope, {
      ...(query.communityId ? { communityId: query.communityId } : {}),
      offset: query.offset,
      limit: query.limit,
    });
  }
}
