import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { type CoBuildingReport, CoBuildingReportQuery } from './co-building-report.query.js';

/** 共驻共建 at a glance, as the seeds report it: units per community, projects, meetings held. */
@QueryHandler(CoBuildingReportQuery)
export class CoBuildingReportHandler implements IQueryHandler<CoBuildingReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(query: CoBuildingReportQuery): Promise<CoBuildingReport> {
    const { scope } = query.actor;
    const rows = (
      await this.coBuilding.report(this.transactions.reader, { districtCode: scope.districtCode, ...query.filter })
    ).filter(
      (row) =>
        (!scope.communityIds || scope.communityIds.includes(row.communityId)) &&
        (!scope.streetCodes || scope.streetCodes.includes(row.streetCode)),
    );
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    return {
      asOf: query.filter.asOf,
      from: query.filter.from,
      to: query.filter.to,
      totals: {
        communities: rows.length,
        communitiesWithAgreements: rows.filter((row) => row.activeAgreements > 0).length,
        residentUnits: sum((row) => row.residentUnits),
        allianceMembers: sum((row) => row.allianceMembers),
        activeAgreements: sum((row) => row.activeAgreements),
        communityProjects: sum((row) => row.communityProjects),
        unitProjects: sum((row) => row.unitProjects),
        meetingsHeld: sum((row) => row.meetingsHeld),
        invitations: sum((row) => row.invitations),
        attendances: sum((row) => row.attendances),
      },
      communities: rows,
    };
  }
}
