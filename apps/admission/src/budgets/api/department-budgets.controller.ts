import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { BudgetErrors } from '../domain/budget.errors.js';
import { GetDepartmentBudgetQuery } from '../queries/get-department-budget/get-department-budget.query.js';
import { DepartmentBudgetParams } from './dto/department-budget.params.js';
import { DepartmentBudgetResponse, toDepartmentBudgetResponse } from './dto/department-budget.response.js';

@ApiTags('budgets')
@ApiBearerAuth()
@ApiProblems(BudgetErrors)
@Controller('departments/:departmentId/budgets')
export class DepartmentBudgetsController {
  constructor(private readonly queries: QueryBus) {}

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
    return toDepartmentBudgetResponse(
      await this.queries.execute(new GetDepartmentBudgetQuery(actor, departmentId, year)),
    );
  }
}
