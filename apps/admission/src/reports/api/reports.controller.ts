import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import {
  AllowRoles,
  ApiPageResponse,
  CurrentPrincipal,
  type Page,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { GetCatalogueAdmissionsQuery } from '../queries/get-catalogue-admissions/get-catalogue-admissions.query.js';
import { GetCommunityBurdenQuery } from '../queries/get-community-burden/get-community-burden.query.js';
import { GetDecisionTimeQuery } from '../queries/get-decision-time/get-decision-time.query.js';
import { GetDepartmentViolationsQuery } from '../queries/get-department-violations/get-department-violations.query.js';
import { GetReformHeadlineQuery } from '../queries/get-reform-headline/get-reform-headline.query.js';
import {
  CatalogueAdmissionsReportResponse,
  CommunityBurdenResponse,
  DecisionTimeReportResponse,
  DepartmentViolationsResponse,
  ReformHeadlineResponse,
} from './dto/reports.response.js';
import { ReformHeadlineQuery } from './dto/reform-headline.query.js';

/** Leader dashboards; they refuse nothing beyond the platform's own codes. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('catalogue-admissions')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Items admitted against the current catalogue, and admissions outside it' })
  @ApiOkResponse({ type: CatalogueAdmissionsReportResponse })
  catalogueAdmissions(@CurrentPrincipal() actor: Principal): Promise<CatalogueAdmissionsReportResponse> {
    return this.queries.execute(new GetCatalogueAdmissionsQuery(actor));
  }

  @Get('community-burden')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Burden per community: tasks, ledgers, funds that followed, violations against it' })
  @ApiPageResponse(CommunityBurdenResponse)
  communityBurden(
    @CurrentPrincipal() actor: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<CommunityBurdenResponse>> {
    return this.queries.execute(new GetCommunityBurdenQuery(actor, { offset: query.offset, limit: query.limit }));
  }

  @Get('department-violations')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Violations (违规摊派) per department, most first' })
  @ApiPageResponse(DepartmentViolationsResponse)
  departmentViolations(
    @CurrentPrincipal() actor: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<DepartmentViolationsResponse>> {
    return this.queries.execute(new GetDepartmentViolationsQuery(actor, { offset: query.offset, limit: query.limit }));
  }

  @Get('decision-time')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Median days from first submission to decision, overall and per outcome' })
  @ApiOkResponse({ type: DecisionTimeReportResponse })
  decisionTime(@CurrentPrincipal() actor: Principal): Promise<DecisionTimeReportResponse> {
    return this.queries.execute(new GetDecisionTimeQuery(actor));
  }

  @Get('reform-headline')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'The reform’s headline figures (seed 002): 承接事项 baseline → current, power items cancelled, evaluation items ' +
      'kept, and meetings, seals, plaques and violations per kind in the period',
  })
  @ApiOkResponse({ type: ReformHeadlineResponse })
  reformHeadline(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ReformHeadlineQuery,
  ): Promise<ReformHeadlineResponse> {
    return this.queries.execute(
      new GetReformHeadlineQuery(actor, {
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      }),
    );
  }
}
