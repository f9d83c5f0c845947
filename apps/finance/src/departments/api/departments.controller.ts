import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  CurrentPrincipal,
  type Page,
  PageQuery,
  type Principal,
  Roles,
  toPage,
  TransactionRunner,
} from '@jianfu/platform';
import { DepartmentDirectoryRepository } from '../persistence/department-directory.repository.js';
import { DepartmentResponse } from './dto/department.response.js';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentDirectoryRepository,
  ) {}

  @Get()
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The departments of the caller’s district that finance knows from organization events' })
  @ApiPageResponse(DepartmentResponse)
  async list(@CurrentPrincipal() actor: Principal, @Query() query: PageQuery): Promise<Page<DepartmentResponse>> {
    const page = await this.departments.listOfDistrict(this.transactions.reader, actor.scope.districtCode, query);
    return toPage(page.items, page.total, query);
  }
}
