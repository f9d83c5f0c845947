import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { PlaqueErrors } from '../domain/plaque.errors.js';
import { RequestPlaqueCommand } from '../commands/request-plaque/request-plaque.command.js';
import { GetPlaqueInventoryQuery } from '../queries/get-plaque-inventory/get-plaque-inventory.query.js';
import { PlaqueInventoryResponse, PlaqueRequestAnsweredResponse, RequestPlaqueRequest } from './dto/plaque.dto.js';

@ApiTags('plaques')
@ApiBearerAuth()
@Controller()
export class PlaquesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('communities/:communityId/plaques')
  @AllowRoles(Roles.CommunitySecretary, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The community’s plaques (三块牌匾) and the refused requests for more' })
  @ApiOkResponse({ type: PlaqueInventoryResponse })
  @ApiProblems(PlaqueErrors['community.not-found'])
  inventory(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
  ): Promise<PlaqueInventoryResponse> {
    return this.queries.execute(new GetPlaqueInventoryQuery(actor, communityId));
  }

  @Post('plaque-requests')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'A department asks a community to hang a plaque. One of the three it hangs answers already-hung; any other ' +
      'is a fourth, refused (422 plaque.limit-reached) and recorded as a violation (违规摊派)',
  })
  @ApiOkResponse({ type: PlaqueRequestAnsweredResponse })
  @ApiProblems(PlaqueErrors['plaque.limit-reached'], PlaqueErrors['community.not-found'])
  request(
    @CurrentPrincipal() actor: Principal,
    @Body() body: RequestPlaqueRequest,
  ): Promise<PlaqueRequestAnsweredResponse> {
    return this.commands.execute(new RequestPlaqueCommand(actor, body.communityId, body.wording.trim()));
  }
}
