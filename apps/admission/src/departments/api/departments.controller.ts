import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectoryDepartmentResponse } from '@jianfu/community-directory';
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

/** The departments admission learned from organization: whose power-item registers can be published. */
@ApiTags('power items')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The district’s departments as admission knows them (from organization’s events), by code' })
  @ApiPageResponse(DirectoryDepartmentResponse)
  list(@CurrentPrincipal() actor: Principal, @Query() query: PageQuery): Promise<Page<DirectoryDepartmentResponse>> {
    return this.queries.execute(new ListDepartmentsQuery(actor, { offset: query.offset, limit: query.limit }));
  }
}
