import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ReportsRepository } from '../reports.repository.js';
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
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsRepository,
  ) {}

  @Get('catalogue-admissions')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Items admitted against the current catalogue, and admissions outside it' })
  @ApiOkResponse({ type: CatalogueAdmissionsReportResponse })
  catalogueAdmissions(@CurrentPrincipal() actor: Principal): Promise<CatalogueAdmissionsReportResponse> {
    return this.reports.admissionsAgainstCatalogue(this.transactions.reader, actor.scope.districtCode);
  }

  @Get('community-burden')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Burden per community: tasks, ledgers, funds that followed, violations against it' })
  @ApiPageResponse(CommunityBurdenResponse)
  async communityBurden(
    @CurrentPrincipal() actor: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<CommunityBurdenResponse>> {
    const page = await this.reports.burdenPerCommunity(
      this.transactions.reader,
      actor.scope.districtCode,
      actor.scope.communityIds,
      query,
    );
    return toPage(page.items, page.total, query);
  }

  @Get('department-violations')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Violations (违规摊派) per department, most first' })
  @ApiPageResponse(DepartmentViolationsResponse)
  async departmentViolations(
    @CurrentPrincipal() actor: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<DepartmentViolationsResponse>> {
    const page = await this.reports.violationsPerDepartment(this.transactions.reader, actor.scope.districtCode, query);
    return toPage(page.items, page.total, query);
  }

  @Get('decision-time')
  @AllowRoles(Roles.DistrictLeader, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'Median days from first submission to decision, overall and per outcome' })
  @ApiOkResponse({ type: DecisionTimeReportResponse })
  decisionTime(@CurrentPrincipal() actor: Principal): Promise<DecisionTimeReportResponse> {
    return this.reports.medianDaysToDecision(this.transactions.reader, actor.scope.districtCode);
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
    return this.reports.reformHeadline(this.transactions.reader, actor.scope.districtCode, {
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
  }
}
