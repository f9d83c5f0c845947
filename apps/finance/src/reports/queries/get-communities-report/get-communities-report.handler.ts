import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { type CommunityReport, periodView } from '../../domain/money-report.js';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetCommunitiesReportQuery } from './get-communities-report.query.js';

@QueryHandler(GetCommunitiesReportQuery)
export class GetCommunitiesReportHandler implements IQueryHandler<GetCommunitiesReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: CommunityDirectoryRepository,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetCommunitiesReportQuery): Promise<{ items: CommunityReport[]; total: number }> {
    const reader = this.transactions.reader;
    const { items, total } = await this.directory.listInScope(reader, query.actor.scope, query.page, {
      includeMerged: true,
    });
    const money = await this.reports.communities(
      reader,
      items.map((c) => c.communityId),
      query.period,
    );
    const period = periodView(query.period);
    return {
      total,
      items: items.map((community, index) => ({ ...money[index], name: community.name, code: community.code, period })),
    };
  }
}
