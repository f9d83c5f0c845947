import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  toPage,
} from '@jianfu/platform';
import { SubmissionActionRequest } from '../../submissions/api/dto/submission-action.request.js';
import { MeetingErrors } from '../domain/meeting.errors.js';
import { MeetingSummonsService } from '../meeting-summons.service.js';
import { MeetingSummonsResponse, SummonMeetingRequest } from './dto/meeting.dto.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingSummonsService) {}

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
    return this.meetings.summon(actor, { ...body, title: body.title.trim(), basis: body.basis.trim() });
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
    return this.meetings.get(actor, summonsId);
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
    return toApprovalActionResponse(await this.meetings.act(actor, summonsId, action, details, idempotencyKey));
  }

  @Get('communities/:communityId/meetings')
  @AllowRoles(Roles.CommunitySecretary, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The meetings admitted for the community, newest first' })
  @ApiPageResponse(MeetingSummonsResponse)
  @ApiProblems(MeetingErrors['community.not-found'])
  async communityMeetings(
    @CurrentPrincipal() actor: Principal,
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Query() query: PageQuery,
  ): Promise<Page<MeetingSummonsResponse>> {
    const page = await this.meetings.communityMeetings(actor, communityId, query);
    return toPage(page.items, page.total, query);
  }
}
