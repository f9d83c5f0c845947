import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { WorkerChangeEntity } from '../../persistence/worker-change.entity.js';

export class GetWorkerHistoryQuery extends Query<Page<WorkerChangeEntity>> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
