import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { WorkerChangeEntity } from '../../persistence/worker-change.entity.js';

export class GetWorkerHistoryQuery extends Query<{ workerId: string; changes: WorkerChangeEntity[] }> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
