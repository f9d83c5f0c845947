import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage, TransactionRunner } from '@jianfu/platform';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetDepartmentViolationsQuery } from './get-department-violations.query.js';

@QueryHandler(GetDepartmentViolationsQuery)
export class GetDepartmentViolationsHandler implements IQueryHandler<GetDepartmentViolationsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetDepartmentViolationsQuery) {
    const page = await this.reports.violationsPerDepartment(
      this.transactions.reader,
      query.actor.scope.districtCode,
      query.page,
    );
    return toPage(page.items, page.total, query.page);
  }
}
