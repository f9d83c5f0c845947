import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { GetStaffingQuery } from '../queries/get-staffing/get-staffing.query.js';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('staffing')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Workers per rank and title, party members, share with a college degree (大专及以上)' })
  @ApiQuery({ name: 'communityId', required: false })
  staffing(@CurrentPrincipal() actor: Principal, @Query('communityId') communityId?: string) {
    if (communityId !== undefined && !/^[0-9a-f-]{36}$/i.test(communityId)) {
      throw new DomainError('request.invalid', 'communityId must be a UUID', 400);
    }
    return this.queries.execute(new GetStaffingQuery(actor, communityId));
  }
}
