import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { WorkerEntity } from '../../persistence/worker.entity.js';

export class ListWorkersQuery extends Query<Page<WorkerEntity>> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string | undefined,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
