import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { LedgerErrors } from '../../ledger/domain/ledger.errors.js';
import { SetBudgetCommand } from '../commands/set-budget/set-budget.command.js';
import { BudgetErrors } from '../domain/budgets.errors.js';
import { GetBudgetQuery } from '../queries/get-budget/get-budget.query.js';
import { BudgetParams } from './dto/budget-params.request.js';
import { BudgetResponse } from './dto/budget.response.js';
import { SetBudgetRequest } from './dto/set-budget.request.js';

@ApiTags('budgets')
@ApiBearerAuth()
@ApiProblems(BudgetErrors)
@Controller('departments/:departmentId/budgets')
export class BudgetsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':year')
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Set (or adjust) the approved yearly budget of a department (部门预算)' })
  @ApiProblems(LedgerErrors['money.invalid-amount'])
  @ApiOkResponse({ type: BudgetResponse })
  set(
    @Param() params: BudgetParams,
    @Body() body: SetBudgetRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<BudgetResponse> {
    return this.commands.execute(
      new SetBudgetCommand(params.departmentId, params.year, body.approvedFen, body.reason, actor),
    );
  }

  @Get(':year')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'A department’s budget for a year: approved, available, reserved, disbursed' })
  @ApiOkResponse({ type: BudgetResponse })
  get(@Param() params: BudgetParams, @CurrentPrincipal() actor: Principal): Promise<BudgetResponse> {
    return this.queries.execute(new GetBudgetQuery(params.departmentId, params.year, actor));
  }
}
