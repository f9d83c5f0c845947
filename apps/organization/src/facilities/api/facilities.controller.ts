import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { HierarchyErrors } from '../../communities/domain/communities.errors.js';
import { FacilityErrors } from '../domain/facilities.errors.js';
import { RecordFacilitiesCommand } from '../commands/record-facilities/record-facilities.command.js';
import { FacilitiesReportQuery } from '../queries/facilities-report/facilities-report.query.js';
import { GetFacilitiesQuery } from '../queries/get-facilities/get-facilities.query.js';
import { FacilitiesReportParams } from './dto/facilities.query.js';
import { FacilitiesReportResponse, FacilityResponse } from './dto/facilities.response.js';
import { RecordFacilitiesRequest } from './dto/record-facilities.request.js';

@ApiTags('facilities')
@ApiBearerAuth()
@ApiProblems(FacilityErrors, HierarchyErrors['community.not-found'], HierarchyErrors['hierarchy.unit-merged'])
@Controller()
export class FacilitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('communities/:communityId/facilities')
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Record a community’s office and service space and its service stations' })
  @ApiOkResponse({ type: FacilityResponse })
  record(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RecordFacilitiesRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new RecordFacilitiesCommand(communityId, body.officeAreaM2, body.serviceAreaM2, body.stations, actor),
    );
  }

  @Get('communities/:communityId/facilities')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A community’s premises and whether they meet the standard area' })
  @ApiOkResponse({ type: FacilityResponse })
  get(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetFacilitiesQuery(communityId, actor));
  }

  @Get('reports/facilities')
  @AllowRoles(Roles.OrganizationAdmin, Roles.DistrictLeader, Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiOperation({ summary: '场所达标 report: communities meeting the standard area, and service stations present' })
  @ApiOkResponse({ type: FacilitiesReportResponse })
  report(@CurrentPrincipal() actor: Principal, @Query() query: FacilitiesReportParams) {
    return this.queries.execute(new FacilitiesReportQuery(actor, query.streetCode || undefined));
  }
}
