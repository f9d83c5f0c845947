import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { WorkerGrade } from '../../persistence/assessments.repository.js';

export class GetWorkerGradesQuery extends Query<Page<WorkerGrade>> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
