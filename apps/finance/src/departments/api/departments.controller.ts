import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles, TransactionRunner } from '@jianfu/platform';
import { DepartmentDirectoryRepository } from '../persistence/department-directory.repository.js';

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
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiOkResponse({
    schema: {
      example: {
        items: [
          {
            departmentId: '0e8f3e59-7d2c-4b7f-a0d2-1f3a4c5b6d01',
            code: 'GL-MZJ',
            name: '区民政局',
            districtCode: '350102',
          },
        ],
        total: 16,
      },
    },
  })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
  ) {
    if (offset < 0 || limit < 1 || limit > 500) {
      throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 500', 400);
    }
    return this.departments.listOfDistrict(this.transactions.reader, actor.scope.districtCode, { offset, limit });
  }
}
