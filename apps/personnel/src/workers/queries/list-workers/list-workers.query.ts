import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { WorkerEntity } from '../../persistence/worker.entity.js';
import type { WorkerFilter } from '../../persistence/workers.repository.js';

export class ListWorkersQuery extends Query<Page<WorkerEntity>> {
  constructor(
    readonly actor: Principal,
    readonly filter: WorkerFilter,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
