import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiProblems,
  CurrentPrincipal,
  DomainError,
  hasRole,
  type Principal,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { BudgetErrors } from '../domain/budget.errors.js';
import { DepartmentBudgetsRepository } from '../persistence/department-budgets.repository.js';
import { DepartmentBudgetParams } from './dto/department-budget.params.js';
import { DepartmentBudgetResponse, toDepartmentBudgetResponse } from './dto/department-budget.response.js';

@ApiTags('budgets')
@ApiBearerAuth()
@ApiProblems(BudgetErrors)
@Controller('departments/:departmentId/budgets')
export class DepartmentBudgetsController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: DepartmentBudgetsRepository,
  ) {}

  @Get(':year')
  @AllowRoles(Roles.DepartmentSubmitter, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({
    summary:
      'A department budget year as the pre-check sees it: the approved figure finance announced, what admitted ' +
      'tasks promised from it, and what is left (404 when finance announced no budget for that year)',
  })
  @ApiOkResponse({ type: DepartmentBudgetResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param() { departmentId, year }: DepartmentBudgetParams,
  ): Promise<DepartmentBudgetResponse> {
    const standing = await this.budgets.standing(this.transactions.reader, departmentId, year);
    // A department user sees only its own department; a budget elsewhere answers like a missing one.
    const ownOrDistrictWide =
      hasRole(actor, Roles.AdmissionReviewer, Roles.DistrictLeader) || actor.scope.departmentId === departmentId;
    if (!standing || standing.districtCode !== actor.scope.districtCode || !ownOrDistrictWide) {
      throw DomainError.of(BudgetErrors['budget.not-found'], `No budget of department ${departmentId} for ${year}`);
    }
    return toDepartmentBudgetResponse(standing);
  }
}
