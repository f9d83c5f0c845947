import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { CreateCommunityCommand } from '../commands/create-community/create-community.command.js';
import { CreateStreetCommand } from '../commands/create-street/create-street.command.js';
import { GetCommunityQuery } from '../queries/get-community/get-community.query.js';
import { CreateCommunityRequest } from './dto/create-community.request.js';
import { CreateStreetRequest } from './dto/create-street.request.js';

@ApiTags('hierarchy')
@ApiBearerAuth()
@Controller()
export class CommunitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('streets')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Add a street (街道) to the caller’s district' })
  @ApiCreatedResponse({ schema: { example: { streetId: '6f1c2d9e-8f0a-4c8e-9a57-1d2b3c4d5e6f' } } })
  createStreet(@Body() body: CreateStreetRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateStreetCommand(body.code, body.name, actor));
  }

  @Post('communities')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Add a community (社区) under a street; publishes organization.community.created' })
  @ApiCreatedResponse({ schema: { example: { communityId: '0b7e6a52-3f0c-4f7e-b3a4-2f9d8c7b6a50' } } })
  createCommunity(@Body() body: CreateCommunityRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new CreateCommunityCommand(body.code, body.name, body.streetCode, body.partyMemberCount ?? 0, actor),
    );
  }

  @Get('communities/:communityId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A community of the caller’s scope' })
  getCommunity(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCommunityQuery(communityId, actor));
  }
}
