import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { HierarchyErrors } from '../../communities/domain/communities.errors.js';
import { GetCommunityRosterQuery } from '../queries/get-community-roster/get-community-roster.query.js';
import { CommunityRosterResponse } from './dto/community-roster.response.js';

@ApiTags('communities')
@ApiBearerAuth()
@ApiProblems(HierarchyErrors['community.not-found'])
@Controller()
export class RosterController {
  constructor(private readonly queries: QueryBus) {}

  @Get('communities/:communityId/roster')
  @AllowRoles(Roles.OrganizationAdmin, Roles.DistrictLeader, Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiOperation({
    summary:
      'Who a community’s secretary and workers are, from personnel’s hires, promotions and appointments (read-only)',
  })
  @ApiOkResponse({ type: CommunityRosterResponse })
  roster(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCommunityRosterQuery(communityId, actor));
  }
}
