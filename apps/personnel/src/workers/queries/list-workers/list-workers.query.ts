import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { WorkerEntity } from '../../persistence/worker.entity.js';

export class ListWorkersQuery extends Query<{ items: WorkerEntity[]; total: number }> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string | undefined,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
