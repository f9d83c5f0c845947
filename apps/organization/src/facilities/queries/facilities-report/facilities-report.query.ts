import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ServiceStation } from '../../domain/facility-standard.js';

export interface FacilitiesReport {
  standardAreaM2: number;
  policyVersion: number;
  totals: {
    communities: number;
    reported: number;
    meetingStandard: number;
    totalAreaM2: number;
    stations: Record<ServiceStation, number>;
  };
  communities: {
    communityId: string;
    code: string;
    name: string;
    streetCode: string;
    reported: boolean;
    totalAreaM2: number | null;
    meetsStandard: boolean;
    stations: ServiceStation[];
  }[];
}

export class FacilitiesReportQuery extends Query<FacilitiesReport> {
  constructor(
    readonly actor: Principal,
    readonly streetCode: string | undefined,
  ) {
    super();
  }
}
