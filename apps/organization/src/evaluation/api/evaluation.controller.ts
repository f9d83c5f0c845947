import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { HierarchyErrors } from '../../communities/domain/communities.errors.js';
import { EvaluationErrors } from '../domain/evaluation.errors.js';
import { CompleteAnnualAssessmentCommand } from '../commands/complete-annual-assessment/complete-annual-assessment.command.js';
import { RateDepartmentCommand } from '../commands/rate-department/rate-department.command.js';
import { AnnualAssessmentPrecheckQuery } from '../queries/annual-assessment-precheck/annual-assessment-precheck.query.js';
import { DepartmentRankingQuery } from '../queries/department-ranking/department-ranking.query.js';
import { AnnualAssessmentRequest } from './dto/annual-assessment.request.js';
import {
  AnnualAssessmentPrecheckResponse,
  DepartmentAnnualAssessmentResponse,
  UnmetAssessmentRuleResponse,
} from './dto/annual-assessment.response.js';
import { DepartmentRankingParams } from './dto/evaluation.query.js';
import { DepartmentRankingResponse, DepartmentRatingResponse } from './dto/evaluation.response.js';
import { RateDepartmentRequest } from './dto/rate-department.request.js';

@ApiTags('双评议')
@ApiBearerAuth()
@ApiProblems(EvaluationErrors)
@ApiExtraModels(UnmetAssessmentRuleResponse)
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

  @Get('department-assessments/precheck')
  @AllowRoles(Roles.OrganizationAdmin, Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({
    summary:
      'Whether a department’s annual target assessment (年度目标责任考核) may complete: the unmet rules by reason code',
  })
  @ApiOkResponse({ type: AnnualAssessmentPrecheckResponse })
  precheck(@Query() query: AnnualAssessmentRequest, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new AnnualAssessmentPrecheckQuery(query.departmentId, query.year, actor));
  }

  @Post('department-assessments')
  @AllowRoles(Roles.OrganizationAdmin, Roles.HrOfficer)
  @ApiOperation({
    summary:
      'Complete a department’s annual target assessment on the year’s 双评议 ranking; needs a closed opinion request ' +
      'about the department for its annual assessment (征求社区党组织意见)',
  })
  @ApiCreatedResponse({ type: DepartmentAnnualAssessmentResponse })
  @ApiUnprocessableEntityResponse({
    description: 'Code `department-assessment.ineligible`: the extension member `unmet` lists every rule not met',
    content: {
      'application/problem+json': {
        schema: {
          type: 'object',
          properties: { unmet: { type: 'array', items: { $ref: getSchemaPath(UnmetAssessmentRuleResponse) } } },
        },
      },
    },
  })
  complete(@Body() body: AnnualAssessmentRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CompleteAnnualAssessmentCommand(body.departmentId, body.year, actor));
  }
}
