import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { RateDepartmentCommand } from '../commands/rate-department/rate-department.command.js';
import { DepartmentRankingQuery } from '../queries/department-ranking/department-ranking.query.js';
import { RateDepartmentRequest } from './dto/rate-department.request.js';

@ApiTags('双评议')
@ApiBearerAuth()
@Controller()
export class EvaluationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('department-ratings')
  @AllowRoles(Roles.CommunitySecretary, Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'A community rates a department for a period; rating again replaces the grade' })
  rate(@Body() body: RateDepartmentRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new RateDepartmentCommand(
        body.communityId,
        body.departmentId,
        body.period,
        body.grade,
        body.comment ?? null,
        actor,
      ),
    );
  }

  @Get('reports/department-evaluation')
  @AllowRoles(
    Roles.OrganizationAdmin,
    Roles.DistrictLeader,
    Roles.AdmissionReviewer,
    Roles.HrOfficer,
    Roles.DepartmentSubmitter,
  )
  @ApiQuery({ name: 'period', required: true, example: '2026' })
  @ApiOperation({ summary: '双评议 ranking of departments: community ratings less a penalty per recorded violation' })
  ranking(@CurrentPrincipal() actor: Principal, @Query('period') period?: string) {
    if (!period)
      throw new DomainError('evaluation.period-invalid', 'period is required, e.g. 2026 or 2026-H1', 400, {
        field: 'period',
      });
    return this.queries.execute(new DepartmentRankingQuery(period, actor));
  }
}
