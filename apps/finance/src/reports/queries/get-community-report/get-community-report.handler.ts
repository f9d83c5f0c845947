import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CommunityAccess } from '../../../community-funds/community-access.js';
import { periodView, type SingleCommunityReport } from '../../domain/money-report.js';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetCommunityReportQuery } from './get-community-report.query.js';

@QueryHandler(GetCommunityReportQuery)
export class GetCommunityReportHandler implements IQueryHandler<GetCommunityReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CommunityAccess,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetCommunityReportQuery): Promise<SingleCommunityReport> {
    const reader = this.transactions.reader;
    const community = await this.access.reachable(reader, query.communityId, query.actor, { includeMerged: true });
    const [money] = await this.reports.communities(reader, [community.communityId], query.period);
    const allocations = await this.reports.allocations(reader, community.communityId, query.period);
    return { ...money, name: community.name, code: community.code, period: periodView(query.period), allocations };
  }
}
