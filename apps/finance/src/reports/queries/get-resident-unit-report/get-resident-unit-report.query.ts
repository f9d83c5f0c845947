import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CoBuildingReceipt } from '../../../community-funds/persistence/co-building-receipts.repository.js';
import type { CommunityNames } from '../../domain/money-report.js';
import type { ReportPeriod } from '../../domain/report-period.js';

export interface ResidentUnitReport {
  unitId: string;
  totalFen: number;
  receipts: CoBuildingReceipt[];
  /** The receiving communities' codes and names (merged ones included), for a download's lines. */
  communityNames: CommunityNames;
}

/** What a resident unit gave (共建支持, 捐赠) in the period, to the communities the caller's scope reaches. */
export class GetResidentUnitReportQuery extends Query<ResidentUnitReport> {
  constructor(
    readonly unitId: string,
    readonly period: ReportPeriod,
    readonly actor: Principal,
  ) {
    super();
  }
}
