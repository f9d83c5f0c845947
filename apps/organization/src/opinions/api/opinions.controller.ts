import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApprovalErrors } from '@jianfu/approvals';
import { AllowRoles, ApiProblems, CurrentPrincipal, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { HierarchyErrors } from '../../communities/domain/communities.errors.js';
import { ActOnOpinionRequestCommand } from '../commands/act-on-opinion-request/act-on-opinion-request.command.js';
import { AnswerOpinionRequestCommand } from '../commands/answer-opinion-request/answer-opinion-request.command.js';
import { CloseOpinionRequestCommand } from '../commands/close-opinion-request/close-opinion-request.command.js';
import { LinkMemberCommand } from '../commands/link-member/link-member.command.js';
import { RecordResidentObjectionCommand } from '../commands/record-resident-objection/record-resident-objection.command.js';
import { RequestOpinionsCommand } from '../commands/request-opinions/request-opinions.command.js';
import { OpinionErrors } from '../domain/opinions.errors.js';
import { GetOpinionRequestQuery } from '../queries/get-opinion-request/get-opinion-request.query.js';
import { ListOpinionRequestsQuery } from '../queries/list-opinion-requests/list-opinion-requests.query.js';
import { ListLinkedMembersQuery } from '../queries/list-linked-members/list-linked-members.query.js';
import {
  AnswerOpinionRequest,
  LinkMemberRequest,
  ListOpinionRequestsRequest,
  OpinionRequestActionRequest,
  RecordObjectionRequest,
  RequestOpinionsRequest,
} from './dto/opinion-requests.request.js';
import {
  LinkedMemberResponse,
  LinkedMembersResponse,
  OpinionAnswerResponse,
  OpinionRequestActionResponse,
  OpinionRequestedResponse,
  OpinionRequestListResponse,
  OpinionRequestResponse,
  ResidentObjectionResponse,
} from './dto/opinion-requests.response.js';

const organisationDepartment = [Roles.OrganizationAdmin, Roles.HrOfficer] as const;

@ApiTags('opinion requests')
@ApiBearerAuth()
@ApiProblems(OpinionErrors, HierarchyErrors['community.not-found'], HierarchyErrors['hierarchy.unit-merged'])
@Controller()
export class OpinionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('linked-members')
  @AllowRoles(...organisationDepartment)
  @ApiOperation({ summary: 'Link an agency’s in-service party member (机关在职党员) to a community (挂钩社区)' })
  @ApiCreatedResponse({ type: LinkedMemberResponse })
  linkMember(@Body() body: LinkMemberRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new LinkMemberCommand(body, actor));
  }

  @Get('communities/:communityId/linked-members')
  @AllowRoles(...organisationDepartment, Roles.CommunitySecretary, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The agency party members linked to a community' })
  @ApiOkResponse({ type: LinkedMembersResponse })
  linkedMembers(@Param('communityId', ParseUUIDPipe) communityId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListLinkedMembersQuery(communityId, actor));
  }

  @Post('opinion-requests')
  @HttpCode(202)
  @AllowRoles(...organisationDepartment)
  @ApiOperation({
    summary:
      'Ask communities’ party organisations for their opinion (征求意见 / 进社区双公示) on a person, department or unit; ' +
      'starts the publicity window',
  })
  @ApiAcceptedResponse({ type: OpinionRequestedResponse })
  requestOpinions(@Body() body: RequestOpinionsRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new RequestOpinionsCommand(body, actor));
  }

  @Get('opinion-requests')
  @AllowRoles(...organisationDepartment, Roles.DistrictLeader)
  @ApiOperation({
    summary:
      'The district’s opinion requests with their tallies, per department or open windows only; disagreements first',
  })
  @ApiOkResponse({ type: OpinionRequestListResponse })
  list(@Query() query: ListOpinionRequestsRequest, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(
      new ListOpinionRequestsQuery(
        { ...(query.departmentId ? { departmentId: query.departmentId } : {}), openOnly: query.open === 'true' },
        actor,
      ),
    );
  }

  @Get('opinion-requests/:requestId')
  @AllowRoles(...organisationDepartment, Roles.CommunitySecretary, Roles.DistrictLeader)
  @ApiOperation({ summary: 'An opinion request with its answers (every correction kept) and residents’ objections' })
  @ApiOkResponse({ type: OpinionRequestResponse })
  get(@Param('requestId', ParseUUIDPipe) requestId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetOpinionRequestQuery(requestId, actor));
  }

  @Post('opinion-requests/:requestId/answers')
  @AllowRoles(Roles.CommunitySecretary)
  @ApiOperation({
    summary:
      'The community party organisation answers: agree, disagree (with a reason) or no objection; answering again ' +
      'supersedes the earlier answer, both kept',
  })
  @ApiCreatedResponse({ type: OpinionAnswerResponse })
  answer(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: AnswerOpinionRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new AnswerOpinionRequestCommand(requestId, body.communityId, body.answer, body.reason, actor),
    );
  }

  @Post('opinion-requests/:requestId/resident-objections')
  @AllowRoles(Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Record an objection residents raised during the publicity (公示期)' })
  @ApiCreatedResponse({ type: ResidentObjectionResponse })
  recordObjection(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: RecordObjectionRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new RecordResidentObjectionCommand(requestId, body.communityId, body.objection, actor),
    );
  }

  @Post('opinion-requests/:requestId/close')
  @HttpCode(200)
  @AllowRoles(...organisationDepartment)
  @ApiOperation({ summary: 'The requester closes the request after its publicity window; the outcome is announced' })
  @ApiOkResponse({ type: OpinionRequestResponse })
  close(@Param('requestId', ParseUUIDPipe) requestId: string, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new CloseOpinionRequestCommand(requestId, actor));
  }

  @Post('opinion-requests/:requestId/actions')
  @HttpCode(200)
  @AllowRoles(...organisationDepartment)
  @ApiProblems(ApprovalErrors)
  @ApiOperation({ summary: 'During the window the requester withdraws the request or reminds the communities' })
  @ApiOkResponse({ type: OpinionRequestActionResponse })
  act(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: OpinionRequestActionRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.commands.execute(
      new ActOnOpinionRequestCommand(requestId, body.action, body.reason, actor, idempotencyKey),
    );
  }
}
