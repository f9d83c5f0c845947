import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { SetBudgetCommand } from '../commands/set-budget/set-budget.command.js';
import { GetBudgetQuery } from '../queries/get-budget/get-budget.query.js';
import { SetBudgetRequest } from './dto/set-budget.request.js';

const example = {
  departmentId: '0e8f3e59-7d2c-4b7f-a0d2-1f3a4c5b6d01',
  year: 2026,
  approvedFen: 50_000_000,
  availableFen: 40_000_000,
  reservedFen: 6_000_000,
  disbursedFen: 4_000_000,
  revision: 2,
};

function assertYear(year: number): void {
  if (year < 2000 || year > 2100)
    throw new DomainError('budget.invalid-year', 'year must be between 2000 and 2100', 400);
}

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('departments/:departmentId/budgets')
export class BudgetsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':year')
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Set (or adjust) the approved yearly budget of a department (部门预算)' })
  @ApiOkResponse({ schema: { example } })
  set(
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: SetBudgetRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    assertYear(year);
    return this.commands.execute(new SetBudgetCommand(departmentId, year, body.approvedFen, body.reason, actor));
  }

  @Get(':year')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'A department’s budget for a year: approved, available, reserved, disbursed' })
  @ApiOkResponse({ schema: { example } })
  get(
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('year', ParseIntPipe) year: number,
    @CurrentPrincipal() actor: Principal,
  ) {
    assertYear(year);
    return this.queries.execute(new GetBudgetQuery(departmentId, year, actor));
  }
}
