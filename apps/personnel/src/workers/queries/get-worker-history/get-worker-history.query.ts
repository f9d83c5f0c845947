import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { WorkerChange } from '../../domain/worker-record.js';

export class GetWorkerHistoryQuery extends Query<Page<WorkerChange>> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
