import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, hasRole, Roles, TransactionRunner } from '@jianfu/platform';
import { BudgetErrors } from '../../domain/budget.errors.js';
import type { DepartmentBudgetStanding } from '../../domain/department-budget.js';
import { DepartmentBudgetsRepository } from '../../persistence/department-budgets.repository.js';
import { GetDepartmentBudgetQuery } from './get-department-budget.query.js';

@QueryHandler(GetDepartmentBudgetQuery)
export class GetDepartmentBudgetHandler implements IQueryHandler<GetDepartmentBudgetQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: DepartmentBudgetsRepository,
  ) {}

  async execute({ actor, departmentId, year }: GetDepartmentBudgetQuery): Promise<DepartmentBudgetStanding> {
    const standing = await this.budgets.standing(this.transactions.reader, departmentId, year);
    // A department user sees only its own department; a budget elsewhere answers like a missing one.
    const ownOrDistrictWide =
      hasRole(actor, Roles.AdmissionReviewer, Roles.DistrictLeader) || actor.scope.departmentId === departmentId;
    if (!standing || standing.districtCode !== actor.scope.districtCode || !ownOrDistrictWide) {
      throw DomainError.of(BudgetErrors['budget.not-found'], `No budget of department ${departmentId} for ${year}`);
    }
    return standing;
  }
}
