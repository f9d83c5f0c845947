import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApprovalActionResponse, ApprovalErrors, toApprovalActionResponse } from '@jianfu/approvals';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  IdempotencyKey,
  type Page,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { SubmissionActionRequest } from '../../submissions/api/dto/submission-action.request.js';
import { MeetingErrors } from '../domain/meeting.errors.js';
import { ActOnMeetingSummonsCommand } from '../commands/act-on-meeting-summons/act-on-meeting-summons.command.js';
import { SummonMeetingCommand } from '../commands/summon-meeting/summon-meeting.command.js';
import { GetMeetingSummonsQuery } from '../queries/get-meeting-summons/get-meeting-summons.query.js';
import { ListCommunityMeetingsQuery } from '../queries/list-community-meetings/list-community-meetings.query.js';
import { MeetingSummonsResponse, SummonMeetingRequest } from './dto/meeting.dto.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('meeting-summons')
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'A department summons communities to a meeting (会议通知). Admitted at once while, for every community, its ' +
      'meetings that month stay within the district’s `meetings` policy; otherwise reviewed on the approval kit',
  })
  @ApiCreatedResponse({ type: MeetingSummonsResponse })
  @ApiProblems(MeetingErrors['community.not-found'])
  summon(@CurrentPrincipal() actor: Principal, @Body() body: SummonMeetingRequest): Promise<MeetingSummonsResponse> {
    return this.commands.execute(
      new SummonMeetingCommand(actor, { ...body, title: body.title.trim(), basis: body.basis.trim() }),
    );
  }

  @Get('meeting-summons/:summonsId')
  @AllowRoles(Roles.DepartmentSubmitter, Roles.AdmissionReviewer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'One meeting summons: its department’s, the district’s reviewers’ and leaders’' })
  @ApiOkResponse({ type: MeetingSummonsResponse })
  @ApiProblems(MeetingErrors['meeting-summons.not-found'])
  get(
    @CurrentPrincipal() actor: Principal,
    @Param('summonsId', ParseUUIDPipe) summonsId: string,
  ): Promise<MeetingSummonsResponse> {
    return this.queries.execute(new GetMeetingSummonsQuery(actor, summonsId));
  }

  @Post('meeting-summons/:summonsId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.AdmissionReviewer, Roles.DistrictLeader, Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'Act on the review of a summons over the allowance: approve, reject (reason), withdraw (its department), ' +
      'transfer, add-reviewer, copy, remind',
  })
  @ApiOkResponse({ type: ApprovalActionResponse, description: 'The step acted on, after the action' })
  @ApiProblems(MeetingErrors['meeting-summons.not-found'], ApprovalErrors)
  async act(
    @CurrentPrincipal() actor: Principal,
    @Param('summonsId', ParseUUIDPipe) summonsId: string,
    @Body() body: SubmissionActionRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ApprovalActionResponse> {
    const { action, ...details } = body;
    return toApprovalActionResponse(
      await this.commands.execute(new ActOnMeetingSummonsCommand(actor, summonsId, action, details, idempotencyKey)),
    );
  }

  @Get('communities/:communityId/meetings')
  @AllowRoles(Roles.CommunitySecretary, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The meetings admitted for the community, newest first' })
  @ApiPageResponse(MeetingSummonsResponse)
  @ApiProblems(MeetingErrors['community.not-found'])
  communityMeetings(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query() query: PageQuery,
  ): Promise<Page<MeetingSummonsResponse>> {
    return this.queries.execute(
      new ListCommunityMeetingsQuery(actor, communityId, { offset: query.offset, limit: query.limit }),
    );
  }
}
