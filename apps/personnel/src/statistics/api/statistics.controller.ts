import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { CommunityErrors } from '../../communities/domain/communities.errors.js';
import { GetStaffingQuery } from '../queries/get-staffing/get-staffing.query.js';
import { StaffingRequest } from './dto/staffing.request.js';
import { StaffingResponse } from './dto/staffing.response.js';

@ApiTags('statistics')
@ApiBearerAuth()
@ApiProblems(CommunityErrors)
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('staffing')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Workers per rank and title, party members, share with a college degree (大专及以上)' })
  @ApiOkResponse({ type: StaffingResponse })
  staffing(@CurrentPrincipal() actor: Principal, @Query() query: StaffingRequest) {
    return this.queries.execute(new GetStaffingQuery(actor, query.communityId));
  }
}
