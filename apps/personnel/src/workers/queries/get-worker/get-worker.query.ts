import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { WorkerEntity } from '../../persistence/worker.entity.js';

export class GetWorkerQuery extends Query<WorkerEntity> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
