import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityReport } from '../../domain/money-report.js';
import type { ReportPeriod } from '../../domain/report-period.js';

/** Money per community for every community the caller's scope reaches, one page at a time (also the export's pages). */
export class GetCommunitiesReportQuery extends Query<{ items: CommunityReport[]; total: number }> {
  constructor(
    readonly period: ReportPeriod,
    readonly page: { offset: number; limit: number },
    readonly actor: Principal,
  ) {
    super();
  }
}
