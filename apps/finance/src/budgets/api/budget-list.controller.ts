import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  CurrentPrincipal,
  type Page,
  type Principal,
  Roles,
  toPage,
} from '@jianfu/platform';
import { ListBudgetsQuery } from '../queries/list-budgets/list-budgets.query.js';
import { ListedBudgetResponse } from './dto/budget.response.js';
import { ListBudgetsRequest } from './dto/list-budgets.request.js';

/** The district's department budgets side by side, for finance and district leaders (a department reads its own). */
@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetListController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The department budgets of a year in the caller’s district: approved, available, reserved' })
  @ApiPageResponse(ListedBudgetResponse)
  async list(
    @Query() query: ListBudgetsRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<Page<ListedBudgetResponse>> {
    const page = await this.queries.execute(new ListBudgetsQuery(query.year, query, actor));
    return toPage(page.items, page.total, query);
  }
}
