import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { HierarchyErrors } from '../../communities/domain/communities.errors.js';
import { EvaluationErrors } from '../domain/evaluation.errors.js';
import { RateDepartmentCommand } from '../commands/rate-department/rate-department.command.js';
import { DepartmentRankingQuery } from '../queries/department-ranking/department-ranking.query.js';
import { DepartmentRankingParams } from './dto/evaluation.query.js';
import { DepartmentRankingResponse, DepartmentRatingResponse } from './dto/evaluation.response.js';
import { RateDepartmentRequest } from './dto/rate-department.request.js';

@ApiTags('双评议')
@ApiBearerAuth()
@ApiProblems(EvaluationErrors)
@Controller()
export class EvaluationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('department-ratings')
  @AllowRoles(Roles.CommunitySecretary, Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'A community rates a department for a period; rating again replaces the grade' })
  @ApiProblems(HierarchyErrors['community.not-found'], HierarchyErrors['hierarchy.unit-merged'])
  @ApiOkResponse({ type: DepartmentRatingResponse })
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
  @ApiOperation({ summary: '双评议 ranking of departments: community ratings less a penalty per recorded violation' })
  @ApiOkResponse({ type: DepartmentRankingResponse })
  ranking(@CurrentPrincipal() actor: Principal, @Query() query: DepartmentRankingParams) {
    return this.queries.execute(new DepartmentRankingQuery(query.period, actor));
  }
}
