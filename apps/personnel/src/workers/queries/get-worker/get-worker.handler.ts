import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import type { WorkerEntity } from '../../persistence/worker.entity.js';
import { WorkerAccess } from '../../worker-access.js';
import { GetWorkerQuery } from './get-worker.query.js';

@QueryHandler(GetWorkerQuery)
export class GetWorkerHandler implements IQueryHandler<GetWorkerQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
  ) {}

  execute(query: GetWorkerQuery): Promise<WorkerEntity> {
    return this.access.read(this.transactions.reader, query.actor, query.workerId);
  }
}
