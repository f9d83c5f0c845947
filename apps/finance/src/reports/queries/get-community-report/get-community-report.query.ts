import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { SingleCommunityReport } from '../../domain/money-report.js';
import type { ReportPeriod } from '../../domain/report-period.js';

/** Money per community (received by source, spent, balance), for one community. */
export class GetCommunityReportQuery extends Query<SingleCommunityReport> {
  constructor(
    readonly communityId: string,
    readonly period: ReportPeriod,
    readonly actor: Principal,
  ) {
    super();
  }
}
