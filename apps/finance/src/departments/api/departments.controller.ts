import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  CurrentPrincipal,
  type Page,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { ListDepartmentsQuery } from '../queries/list-departments/list-departments.query.js';
import { DepartmentResponse } from './dto/department.response.js';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The departments of the caller’s district that finance knows from organization events' })
  @ApiPageResponse(DepartmentResponse)
  list(@CurrentPrincipal() actor: Principal, @Query() query: PageQuery): Promise<Page<DepartmentResponse>> {
    return this.queries.execute(new ListDepartmentsQuery(actor, { offset: query.offset, limit: query.limit }));
  }
}
