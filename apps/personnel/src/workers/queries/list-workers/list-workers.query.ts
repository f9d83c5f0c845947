import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { WorkerRecord } from '../../domain/worker-record.js';
import type { WorkerFilter } from '../../persistence/workers.repository.js';

export class ListWorkersQuery extends Query<Page<WorkerRecord>> {
  constructor(
    readonly actor: Principal,
    readonly filter: WorkerFilter,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
