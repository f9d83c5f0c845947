import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PeriodView } from '../../domain/money-report.js';
import type { ReportPeriod } from '../../domain/report-period.js';

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
