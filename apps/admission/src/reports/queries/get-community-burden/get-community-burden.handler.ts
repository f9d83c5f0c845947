import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage, TransactionRunner } from '@jianfu/platform';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetCommunityBurdenQuery } from './get-community-burden.query.js';

@QueryHandler(GetCommunityBurdenQuery)
export class GetCommunityBurdenHandler implements IQueryHandler<GetCommunityBurdenQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetCommunityBurdenQuery) {
    const page = await this.reports.burdenPerCommunity(
      this.transactions.reader,
      query.actor.scope.districtCode,
      query.actor.scope.communityIds,
      query.page,
    );
    return toPage(page.items, page.total, query.page);
  }
}
