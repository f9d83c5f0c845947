import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { RecordFacilitiesCommand } from '../commands/record-facilities/record-facilities.command.js';
import { FacilitiesReportQuery } from '../queries/facilities-report/facilities-report.query.js';
import { GetFacilitiesQuery } from '../queries/get-facilities/get-facilities.query.js';
import { RecordFacilitiesRequest } from './dto/record-facilities.request.js';

@ApiTags('facilities')
@ApiBearerAuth()
@Controller()
export class FacilitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('communities/:communityId/facilities')
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Record a community’s office and service space and its service stations' })
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
  get(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetFacilitiesQuery(communityId, actor));
  }

  @Get('reports/facilities')
  @AllowRoles(Roles.OrganizationAdmin, Roles.DistrictLeader, Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiQuery({ name: 'streetCode', required: false })
  @ApiOperation({ summary: '场所达标 report: communities meeting the standard area, and service stations present' })
  report(@CurrentPrincipal() actor: Principal, @Query('streetCode') streetCode?: string) {
    return this.queries.execute(new FacilitiesReportQuery(actor, streetCode || undefined));
  }
}
