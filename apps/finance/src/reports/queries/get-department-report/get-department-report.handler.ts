import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { BudgetReader } from '../../../budgets/queries/get-budget/budget-reader.js';
import { Accounts } from '../../../ledger/domain/account.js';
import { periodView } from '../../domain/money-report.js';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { type DepartmentReport, GetDepartmentReportQuery } from './get-department-report.query.js';

@QueryHandler(GetDepartmentReportQuery)
export class GetDepartmentReportHandler implements IQueryHandler<GetDepartmentReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: BudgetReader,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetDepartmentReportQuery): Promise<DepartmentReport> {
    const reader = this.transactions.reader;
    const budget = await this.budgets.read(query.departmentId, query.year, query.actor);
    const reserved = Accounts.departmentReserved(query.departmentId, query.year);
    return {
      departmentId: query.departmentId,
      year: query.year,
      period: periodView(query.period),
      approvedFen: budget.approvedFen,
      availableFen: budget.availableFen,
      reservedFen: budget.reservedFen,
      paidFen: await this.reports.departmentPaid(reader, reserved.id),
      paidInPeriodFen: await this.reports.departmentPaid(reader, reserved.id, query.period),
      tasks: await this.reports.departmentTasks(reader, query.departmentId, query.year),
    };
  }
}
