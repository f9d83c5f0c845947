import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiPageResponse, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
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
import { HierarchyErrors } from '../domain/communities.errors.js';
import { CommunityListQuery, GridListQuery, StreetListQuery, UnitCodeParams } from './dto/hierarchy.query.js';
import {
  CommunityCreatedResponse,
  CommunityMergedResponse,
  CommunityResponse,
  CommunitySplitResponse,
  GridCreatedResponse,
  GridResponse,
  StreetCreatedResponse,
  StreetResponse,
  UnitHistoryResponse,
  UnitMovedResponse,
  UnitRenamedResponse,
} from './dto/hierarchy.response.js';

@ApiTags('hierarchy')
@ApiBearerAuth()
@ApiProblems(HierarchyErrors)
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
  @ApiCreatedResponse({ type: StreetCreatedResponse })
  createStreet(@Body() body: CreateStreetRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateStreetCommand(body.code, body.name, actor));
  }

  @Get('streets')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The streets of the caller’s district (or scope), with their community counts' })
  @ApiPageResponse(StreetResponse)
  listStreets(@CurrentPrincipal() actor: Principal, @Query() query: StreetListQuery) {
    return this.queries.execute(new ListStreetsQuery(actor, { offset: query.offset, limit: query.limit }));
  }

  @Post('communities')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Add a community (社区) under a street; publishes organization.community.created' })
  @ApiCreatedResponse({ type: CommunityCreatedResponse })
  createCommunity(@Body() body: CreateCommunityRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new CreateCommunityCommand(body.code, body.name, body.streetCode, body.partyMemberCount ?? 0, actor),
    );
  }

  @Get('communities')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The communities of the caller’s scope, by code' })
  @ApiPageResponse(CommunityResponse, undefined, { keyset: true })
  listCommunities(@CurrentPrincipal() actor: Principal, @Query() query: CommunityListQuery) {
    return this.queries.execute(
      new ListCommunitiesQuery(actor, query.streetCode, query.includeMerged ?? false, {
        offset: query.offset,
        limit: query.limit,
        ...(query.after !== undefined ? { after: query.after } : {}),
      }),
    );
  }

  @Get('communities/:communityId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A community of the caller’s scope' })
  @ApiOkResponse({ type: CommunityResponse })
  getCommunity(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCommunityQuery(communityId, actor));
  }

  @Get('communities/:communityId/grids')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'The grids (网格) of a community' })
  @ApiPageResponse(GridResponse)
  listGrids(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @CurrentPrincipal() actor: Principal,
    @Query() query: GridListQuery,
  ) {
    return this.queries.execute(new ListGridsQuery(communityId, actor, { offset: query.offset, limit: query.limit }));
  }

  @Post('grids')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Add a grid (网格) under a community' })
  @ApiCreatedResponse({ type: GridCreatedResponse })
  createGrid(@Body() body: CreateGridRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CreateGridCommand(body.code, body.name, body.communityCode, actor));
  }

  @Patch('hierarchy/units/:code')
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({
    summary: 'Rename a street, community or grid; a community’s rename publishes organization.community.renamed',
  })
  @ApiOkResponse({ type: UnitRenamedResponse })
  rename(@Param() { code }: UnitCodeParams, @Body() body: RenameUnitRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new RenameUnitCommand(code, body.name, actor));
  }

  @Post('hierarchy/units/:code/move')
  @HttpCode(200)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({
    summary: 'Move a community to another street or a grid to another community; refuses cycles and level skips',
  })
  @ApiOkResponse({ type: UnitMovedResponse })
  move(@Param() { code }: UnitCodeParams, @Body() body: MoveUnitRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new MoveUnitCommand(code, body.newParentCode, actor));
  }

  @Post('hierarchy/units/:code/merge')
  @HttpCode(200)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Merge a community into another (撤并); publishes organization.community.merged' })
  @ApiOkResponse({ type: CommunityMergedResponse })
  merge(@Param() { code }: UnitCodeParams, @Body() body: MergeCommunityRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new MergeCommunityCommand(code, body.intoCode, actor));
  }

  @Post('hierarchy/units/:code/split')
  @HttpCode(201)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'Split new communities off a community (拆分), with grids and party members' })
  @ApiCreatedResponse({ type: CommunitySplitResponse })
  split(@Param() { code }: UnitCodeParams, @Body() body: SplitCommunityRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new SplitCommunityCommand(
        code,
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
  @ApiOkResponse({ type: UnitHistoryResponse })
  history(@Param() { code }: UnitCodeParams, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetUnitHistoryQuery(code, actor));
  }
}
