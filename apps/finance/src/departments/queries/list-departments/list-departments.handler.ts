import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { DirectoryDepartment } from '../../domain/directory-department.js';
import { DepartmentDirectoryRepository } from '../../persistence/department-directory.repository.js';
import { ListDepartmentsQuery } from './list-departments.query.js';

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentDirectoryRepository,
  ) {}

  async execute({ actor, page }: ListDepartmentsQuery): Promise<Page<DirectoryDepartment>> {
    const { items, total } = await this.departments.listOfDistrict(
      this.transactions.reader,
      actor.scope.districtCode,
      page,
    );
    return toPage(items, total, page);
  }
}
