import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { type DepartmentView, DepartmentsRepository } from '../../persistence/departments.repository.js';
import { departmentInDistrict } from './department-in-district.js';
import { GetDepartmentQuery } from './get-department.query.js';

@QueryHandler(GetDepartmentQuery)
export class GetDepartmentHandler implements IQueryHandler<GetDepartmentQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentsRepository,
  ) {}

  execute(query: GetDepartmentQuery): Promise<DepartmentView> {
    return departmentInDistrict(this.departments, this.transactions.reader, query.departmentId, query.actor);
  }
}
