import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { type DepartmentView, DepartmentsRepository } from '../../persistence/departments.repository.js';
import { ListDepartmentsQuery } from './list-departments.query.js';

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentsRepository,
  ) {}

  async execute(query: ListDepartmentsQuery): Promise<Page<DepartmentView>> {
    const { items, total } = await this.departments.list(
      this.transactions.reader,
      query.actor.scope.districtCode,
      query.page,
    );
    return toPage(items, total, query.page);
  }
}
