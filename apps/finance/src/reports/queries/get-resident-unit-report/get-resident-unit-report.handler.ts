import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { reachesCommunity, TransactionRunner } from '@jianfu/platform';
import { CoBuildingReceiptsRepository } from '../../../community-funds/persistence/co-building-receipts.repository.js';
import { GetResidentUnitReportQuery, type ResidentUnitReport } from './get-resident-unit-report.query.js';

/** Gifts to communities out of the caller's scope are neither shown nor counted. */
@QueryHandler(GetResidentUnitReportQuery)
export class GetResidentUnitReportHandler implements IQueryHandler<GetResidentUnitReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly receipts: CoBuildingReceiptsRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ unitId, period, actor }: GetResidentUnitReportQuery): Promise<ResidentUnitReport> {
    const reader = this.transactions.reader;
    const given = await this.receipts.ofUnit(reader, unitId, period);
    const reached = (
      await this.directory.findByIds(reader, [...new Set(given.map((receipt) => receipt.communityId))], {
        includeMerged: true,
      })
    ).filter((community) => reachesCommunity(actor, community));
    const reachedIds = new Set(reached.map((community) => community.communityId));
    const receipts = given.filter((receipt) => reachedIds.has(receipt.communityId));
    return {
      unitId,
      totalFen: receipts.reduce((sum, receipt) => sum + receipt.amountFen, 0),
      receipts,
      communityNames: new Map(reached.map((c) => [c.communityId, { code: c.code, name: c.name }])),
    };
  }
}
