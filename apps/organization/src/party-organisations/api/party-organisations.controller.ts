import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApprovalErrors } from '@jianfu/approvals';
import { AllowRoles, ApiProblems, CurrentPrincipal, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { HierarchyErrors } from '../../communities/domain/communities.errors.js';
import { PartyOrganisationErrors } from '../domain/party-organisations.errors.js';
import { DecideUpgradeCommand } from '../commands/decide-upgrade/decide-upgrade.command.js';
import { RequestUpgradeCommand } from '../commands/request-upgrade/request-upgrade.command.js';
import { SetMembershipCommand } from '../commands/set-membership/set-membership.command.js';
import { GetPartyOrganisationQuery } from '../queries/get-party-organisation/get-party-organisation.query.js';
import { GetUpgradeRequestQuery } from '../queries/get-upgrade-request/get-upgrade-request.query.js';
import { PartyOrganisationsReportQuery } from '../queries/party-organisations-report/party-organisations-report.query.js';
import { PartyOrganisationsReportParams } from './dto/party-organisations-report.query.js';
import { DecideUpgradeRequest } from './dto/decide-upgrade.request.js';
import { RequestUpgradeRequest } from './dto/request-upgrade.request.js';
import {
  PartyOrganisationResponse,
  PartyOrganisationsReportResponse,
  UpgradeActionResponse,
  UpgradeRequestedResponse,
  UpgradeRequestResponse,
} from './dto/party-organisation.response.js';
import { SetMembershipRequest } from './dto/set-membership.request.js';

@ApiTags('party organisations')
@ApiBearerAuth()
@ApiProblems(PartyOrganisationErrors, HierarchyErrors['community.not-found'], HierarchyErrors['hierarchy.unit-merged'])
@Controller()
export class PartyOrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('communities/:communityId/party-organisation')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({
    summary: 'The community party organisation: kind, members, secretary, and the kind its membership justifies',
  })
  @ApiOkResponse({ type: PartyOrganisationResponse })
  getPartyOrganisation(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetPartyOrganisationQuery(communityId, actor));
  }

  @Get('reports/party-organisations')
  @AllowRoles(Roles.OrganizationAdmin, Roles.DistrictLeader, Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiOperation({
    summary:
      'Party organisations by kind (支部, 总支, 党委), each community’s organisation and upgrades awaiting decision',
  })
  @ApiOkResponse({ type: PartyOrganisationsReportResponse })
  report(@CurrentPrincipal() actor: Principal, @Query() query: PartyOrganisationsReportParams) {
    return this.queries.execute(new PartyOrganisationsReportQuery(actor, query.streetCode || undefined));
  }

  @Put('communities/:communityId/party-organisation/membership')
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Record the party organisation’s current member count (needed before an upgrade)' })
  @ApiOkResponse({ type: PartyOrganisationResponse })
  setMembership(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: SetMembershipRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new SetMembershipCommand(communityId, body.memberCount, actor));
  }

  @Post('communities/:communityId/party-organisation/upgrade-requests')
  @HttpCode(202)
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Ask to upgrade the community party organisation (党组织升格); starts its approval' })
  @ApiAcceptedResponse({ type: UpgradeRequestedResponse })
  requestUpgrade(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RequestUpgradeRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new RequestUpgradeCommand(communityId, body.toKind, actor));
  }

  @Post('party-organisation-upgrade-requests/:requestId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer, Roles.OrganizationAdmin, Roles.CommunitySecretary)
  @ApiProblems(ApprovalErrors)
  @ApiOperation({
    summary:
      'An action on an upgrade request (approval kit): the organisation department (组织部) approves, rejects, transfers, ' +
      'adds a reviewer or copies; the requester withdraws or reminds',
  })
  @ApiOkResponse({ type: UpgradeActionResponse })
  decide(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: DecideUpgradeRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    const { action, ...details } = body;
    return this.commands.execute(new DecideUpgradeCommand(requestId, action, details, actor, idempotencyKey));
  }

  @Get('party-organisation-upgrade-requests/:requestId')
  @AllowRoles(Roles.OrganizationAdmin, Roles.CommunitySecretary, Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'An upgrade request and its outcome' })
  @ApiOkResponse({ type: UpgradeRequestResponse })
  get(@Param('requestId', ParseUUIDPipe) requestId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetUpgradeRequestQuery(requestId, actor));
  }
}
