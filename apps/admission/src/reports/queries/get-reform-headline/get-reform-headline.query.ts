import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ReportsRepository } from '../../persistence/reports.repository.js';

/** The reform's headline figures (seed 002) in a period. */
export class GetReformHeadlineQuery extends Query<Awaited<ReturnType<ReportsRepository['reformHeadline']>>> {
  constructor(
    readonly actor: Principal,
    readonly period: { from?: string; to?: string },
  ) {
    super();
  }
}
