import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BaseAllocationRun } from '../../domain/base-allocation-run.js';

/** Progress of the caller's district's base allocation for a year (its latest run). */
export class GetBaseAllocationQuery extends Query<BaseAllocationRun> {
  constructor(
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
