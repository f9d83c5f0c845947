import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CoBuildingReportRow } from '../../persistence/co-building.repository.js';

export interface CoBuildingReport {
  asOf: string;
  from: string;
  to: string;
  totals: Omit<CoBuildingReportRow, 'communityId' | 'code' | 'name' | 'streetCode'> & {
    communities: number;
    communitiesWithAgreements: number;
  };
  communities: CoBuildingReportRow[];
}

export class CoBuildingReportQuery extends Query<CoBuildingReport> {
  constructor(
    readonly actor: Principal,
    readonly filter: { streetCode?: string; asOf: string; from: string; to: string },
  ) {
    super();
  }
}
