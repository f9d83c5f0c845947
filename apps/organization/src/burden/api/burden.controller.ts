import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { CommunityBurdenReportQuery } from '../queries/community-burden-report/community-burden-report.query.js';
import { CommunityBurdenReportParams } from './dto/community-burden.query.js';
import { CommunityBurdenReportResponse } from './dto/community-burden.response.js';

/** The calendar year now on Beijing time, the default of the report. */
function currentYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

@ApiTags('减负')
@ApiBearerAuth()
@Controller()
export class BurdenController {
  constructor(private readonly queries: QueryBus) {}

  @Get('reports/community-burden')
  @AllowRoles(
    Roles.OrganizationAdmin,
    Roles.DistrictLeader,
    Roles.AdmissionReviewer,
    Roles.CommunitySecretary,
    Roles.HrOfficer,
    Roles.DepartmentSubmitter,
  )
  @ApiOperation({
    summary:
      'Burden on communities (减负): tasks dispatched to each community in the year, per department; ' +
      'scoped to the caller’s communities, a department’s staff see only their department',
  })
  @ApiOkResponse({ type: CommunityBurdenReportResponse })
  report(@CurrentPrincipal() actor: Principal, @Query() query: CommunityBurdenReportParams) {
    return this.queries.execute(
      new CommunityBurdenReportQuery(actor, {
        year: query.year ?? currentYear(),
        ...(query.streetCode ? { streetCode: query.streetCode } : {}),
        ...(query.communityId ? { communityId: query.communityId } : {}),
      }),
    );
  }
}
