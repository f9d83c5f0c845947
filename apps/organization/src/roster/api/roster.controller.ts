import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { GetCommunityRosterQuery } from '../queries/get-community-roster/get-community-roster.query.js';

@ApiTags('communities')
@ApiBearerAuth()
@Controller()
export class RosterController {
  constructor(private readonly queries: QueryBus) {}

  @Get('communities/:communityId/roster')
  @AllowRoles(Roles.OrganizationAdmin, Roles.DistrictLeader, Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiOperation({
    summary:
      'Who a community’s secretary and workers are, from personnel’s hires, promotions and appointments (read-only)',
  })
  @ApiOkResponse({
    schema: {
      example: {
        communityId: '8e2f…',
        code: 'GL-01',
        name: '三坊七巷社区',
        partyOrganisation: { kind: 'committee', secretaryPost: '党委书记' },
        secretary: { workerId: '1b7c…', name: '林书记', appointedAt: '2026-03-02T08:00:00.000Z' },
        workers: [
          {
            workerId: '1b7c…',
            name: '林书记',
            hiredAt: null,
            secretary: true,
            steps: [
              {
                trackCode: 'post',
                stepCode: 'community-secretary',
                stepName: '社区书记',
                since: '2026-03-02T08:00:00.000Z',
              },
            ],
          },
        ],
      },
    },
  })
  roster(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCommunityRosterQuery(communityId, actor));
  }
}
