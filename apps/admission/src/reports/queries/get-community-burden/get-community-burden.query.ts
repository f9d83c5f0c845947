import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { ReportsRepository } from '../../persistence/reports.repository.js';

/** Burden per community: tasks, ledgers, funds that followed, violations against it; a secretary sees their own communities. */
export class GetCommunityBurdenQuery extends Query<
  Page<Awaited<ReturnType<ReportsRepository['burdenPerCommunity']>>['items'][number]>
> {
  constructor(
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
