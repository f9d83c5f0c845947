import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { DepartmentBurden } from '../../persistence/burden.repository.js';

export interface CommunityBurden {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  status: 'active' | 'merged';
  /** Tasks dispatched to the community in the year. */
  tasks: number;
  departments: { departmentId: string; code: string | null; name: string | null; tasks: number }[];
}

export interface CommunityBurdenReport {
  year: number;
  from: string;
  to: string;
  totals: { communities: number; tasks: number; assignments: number };
  departments: DepartmentBurden[];
  communities: CommunityBurden[];
}

export class CommunityBurdenReportQuery extends Query<CommunityBurdenReport> {
  constructor(
    readonly actor: Principal,
    readonly filter: { year: number; streetCode?: string; communityId?: string },
  ) {
    super();
  }
}
