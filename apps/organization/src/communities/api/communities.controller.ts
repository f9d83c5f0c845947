import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseBoolPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles } from '@jianfu/platform';
import { CreateCommunityCommand } from '../commands/create-community/create-community.command.js';
import { CreateGridCommand } from '../commands/create-grid/create-grid.command.js';
import { CreateStreetCommand } from '../commands/create-street/create-street.command.js';
import { MergeCommunityCommand } from '../commands/merge-community/merge-community.command.js';
import { MoveUnitCommand } from '../commands/move-unit/move-unit.command.js';
import { RenameUnitCommand } from '../commands/rename-unit/rename-unit.command.js';
import { SplitCommunityCommand } from '../commands/split-community/split-community.command.js';
import { GetCommunityQuery } from '../queries/get-community/get-community.query.js';
import { GetUnitHistoryQuery } from '../queries/get-unit-history/get-unit-history.query.js';
import { ListCommunitiesQuery } from '../queries/list-communities/list-communities.query.js';
import { ListGridsQuery } from '../queries/list-grids/list-grids.query.js';
import { ListStreetsQuery } from '../queries/list-streets/list-streets.query.js';
import { CreateCommunityRequest } from './dto/create-community.request.js';
import { CreateGridRequest } from './dto/create-grid.request.js';
import { CreateStreetRequest } from './dto/create-street.request.js';
import { MergeCommunityRequest } from './dto/merge-community.request.js';
import { MoveUnitRequest } from './dto/move-unit.request.js';
import { RenameUnitRequest } from './dto/rename-unit.request.js';
import { SplitCommunityRequest } from './dto/split-community.request.js';
import { unitCodePattern } from './dto/unit-code.js';

function validCode(code: string): string {
  if (!unitCodePattern.test(code)) {
    throw new DomainError('request.unit-code', 'A unit code is 1-32 letters, digits or dashes', 400);
  }
  return code;
}

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

  @Get('streets')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The streets of the caller’s district (or scope), with their community counts' })
  listStreets(@CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListStreetsQuery(actor));
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

  @Get('communities')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The communities of the caller’s scope, by code' })
  @ApiQuery({ name: 'streetCode', required: false, example: '350102001' })
  @ApiQuery({ name: 'includeMerged', required: false, example: false })
  listCommunities(
    @CurrentPrincipal() actor: Principal,
    @Query('streetCode') streetCode?: string,
    @Query('includeMerged', new ParseBoolPipe({ optional: true })) includeMerged?: boolean,
  ) {
    return this.queries.execute(
      new ListCommunitiesQuery(
        actor,
        streetCode === undefined ? undefined : validCode(streetCode),
        includeMerged ?? false,
      ),
    );
  }

  @Get('communities/:communityId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A community of the caller’s scope' })
  getCommunity(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCommunityQuery(communityId, actor));
  }

  @Get('communities/:communityId/grids')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The grids (网格) of a community' })
  listGrids(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListGridsQuery(communityId, actor));
  }

  @Post('grids')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Add a grid (网格) under a community' })
  @ApiCreatedResponse({ schema: { example: { gridId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' } } })
  createGrid(@Body() body: CreateGridRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateGridCommand(body.code, body.name, body.communityCode, actor));
  }

  @Patch('hierarchy/units/:code')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({
    summary: 'Rename a street, community or grid; a community’s rename publishes organization.community.renamed',
  })
  rename(@Param('code') code: string, @Body() body: RenameUnitRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new RenameUnitCommand(validCode(code), body.name, actor));
  }

  @Post('hierarchy/units/:code/move')
  @HttpCode(200)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({
    summary: 'Move a community to another street or a grid to another community; refuses cycles and level skips',
  })
  move(@Param('code') code: string, @Body() body: MoveUnitRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new MoveUnitCommand(validCode(code), body.newParentCode, actor));
  }

  @Post('hierarchy/units/:code/merge')
  @HttpCode(200)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Merge a community into another (撤并); publishes organization.community.merged' })
  merge(@Param('code') code: string, @Body() body: MergeCommunityRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new MergeCommunityCommand(validCode(code), body.intoCode, actor));
  }

  @Post('hierarchy/units/:code/split')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Split new communities off a community (拆分), with grids and party members' })
  split(@Param('code') code: string, @Body() body: SplitCommunityRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new SplitCommunityCommand(
        validCode(code),
        body.into.map((part) => ({
          code: part.code,
          name: part.name,
          gridCodes: part.gridCodes ?? [],
          partyMemberCount: part.partyMemberCount ?? 0,
        })),
        actor,
      ),
    );
  }

  @Get('hierarchy/units/:code/history')
  @AllowRoles(Roles.OrganizationAdmin, Roles.DistrictLeader, Roles.HrOfficer)
  @ApiOperation({ summary: 'The changes of a unit since its creation (created, renamed, moved, merged, split)' })
  history(@Param('code') code: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetUnitHistoryQuery(validCode(code), actor));
  }
}
