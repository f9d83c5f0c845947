import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityNames } from '../../domain/money-report.js';

export interface TaskReport {
  taskId: string;
  title: string;
  departmentId: string;
  state: string;
  promisedFen: number;
  disbursedFen: number;
  spentFen: number;
  communities: {
    communityId: string;
    promisedFen: number;
    disbursedFen: number;
    spentFen: number;
    balanceFen: number;
  }[];
  /** The funded communities' codes and names (merged ones included), for a download's lines. */
  communityNames: CommunityNames;
}

/** Money per task: promised, disbursed and spent, per community. */
export class GetTaskReportQuery extends Query<TaskReport> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
