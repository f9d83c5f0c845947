import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { StepCount } from '../../persistence/staffing.repository.js';

export interface StaffingView {
  workers: number;
  partyMembers: number;
  /** 大专及以上 (junior college or higher), as a count and a share in percent with one decimal. */
  collegeDegree: { workers: number; percent: number };
  tracks: { trackCode: string; steps: (StepCount & { collegeDegreePercent: number })[] }[];
}

export class GetStaffingQuery extends Query<StaffingView> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string | undefined,
  ) {
    super();
  }
}
