import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ReportPeriod } from '../domain/report-period.js';
import type { AllocationLine, CommunityMoney } from '../persistence/reports.repository.js';

export interface PeriodView {
  from: string;
  to: string;
}

export type CommunityReport = CommunityMoney & { name: string; code: string; period: PeriodView };

/** One community's report also lists each allocation and top-up it received, with its reason. */
export type SingleCommunityReport = CommunityReport & { allocations: AllocationLine[] };

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

/** The same for every community the caller's scope reaches, one page at a time. */
export class GetCommunitiesReportQuery extends Query<{ items: CommunityReport[]; total: number }> {
  constructor(
    readonly period: ReportPeriod,
    readonly page: { offset: number; limit: number },
    readonly actor: Principal,
  ) {
    super();
  }
}

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

export interface DepartmentReport {
  departmentId: string;
  year: number;
  period: PeriodView;
  approvedFen: number;
  availableFen: number;
  reservedFen: number;
  /** Paid to communities from this budget year, whenever the payment was made. */
  paidFen: number;
  /** Of that, what was paid within the report's period (by default the calendar year of the budget year). */
  paidInPeriodFen: number;
  /** Transfers charged to the budget year: one per task funded once, one per started instalment otherwise. */
  tasks: { taskId: string; period: string | null; title: string; state: string; totalFen: number }[];
}

/** Money per department: budget, reserved, paid in the period, and its tasks of the budget year. */
export class GetDepartmentReportQuery extends Query<DepartmentReport> {
  constructor(
    readonly departmentId: string,
    readonly year: number,
    readonly period: ReportPeriod,
    readonly actor: Principal,
  ) {
    super();
  }
}
