import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, PolicyBook, TransactionRunner } from '@jianfu/platform';
import { type FacilitiesPolicy, facilitiesPolicyKind } from '../../domain/facilities-policy.js';
import { assessFacility, type ServiceStation, serviceStations } from '../../domain/facility-standard.js';
import { FacilitiesRepository } from '../../persistence/facilities.repository.js';
import { type FacilitiesReport, FacilitiesReportQuery } from './facilities-report.query.js';

/** 场所达标: how many communities meet the space standard, and which service stations exist, as the seeds count. */
@QueryHandler(FacilitiesReportQuery)
export class FacilitiesReportHandler implements IQueryHandler<FacilitiesReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly facilities: FacilitiesRepository,
    private readonly policies: PolicyBook,
  ) {}

  async execute(query: FacilitiesReportQuery): Promise<FacilitiesReport> {
    const { scope } = query.actor;
    const policy = await this.policies.effective<FacilitiesPolicy>(
      this.transactions.reader,
      scope.districtCode,
      facilitiesPolicyKind,
      chinaDateOf(new Date()),
    );
    const standard = policy.document.standardAreaM2;
    const rows = (await this.facilities.report(this.transactions.reader, scope.districtCode, query.streetCode)).filter(
      (row) =>
        (!scope.communityIds || scope.communityIds.includes(row.communityId)) &&
        (!scope.streetCodes || scope.streetCodes.includes(row.streetCode)),
    );
    const communities = rows.map((row) => {
      const reported = row.officeAreaM2 !== null && row.serviceAreaM2 !== null;
      const assessment = reported ? assessFacility(row.officeAreaM2!, row.serviceAreaM2!, standard) : null;
      return {
        communityId: row.communityId,
        code: row.code,
        name: row.name,
        streetCode: row.streetCode,
        reported,
        totalAreaM2: assessment?.totalAreaM2 ?? null,
        meetsStandard: assessment?.meetsStandard ?? false,
        stations: row.stations ?? [],
      };
    });
    const stations = Object.fromEntries(
      serviceStations.map((station) => [station, communities.filter((c) => c.stations.includes(station)).length]),
    ) as Record<ServiceStation, number>;
    return {
      standardAreaM2: standard,
      policyVersion: policy.version,
      totals: {
        communities: communities.length,
        reported: communities.filter((c) => c.reported).length,
        meetingStandard: communities.filter((c) => c.meetsStandard).length,
        totalAreaM2: communities.reduce((sum, c) => sum + (c.totalAreaM2 ?? 0), 0),
        stations,
      },
      communities,
    };
  }
}
