import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { DepartmentBudgetStanding } from '../../domain/department-budget.js';

/** A department budget year as the pre-check sees it. */
export class GetDepartmentBudgetQuery extends Query<DepartmentBudgetStanding> {
  constructor(
    readonly actor: Principal,
    readonly departmentId: string,
    readonly year: number,
  ) {
    super();
  }
}
