import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApprovalActionResponse, ApprovalErrors, toApprovalActionResponse } from '@jianfu/approvals';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  IdempotencyKey,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { ApprovalActionRequest } from '../../approvals/approval-action.request.js';
import { CommunityErrors } from '../../communities/domain/communities.errors.js';
import { RecruitmentErrors } from '../domain/recruitment.errors.js';
import { ActOnHireCommand } from '../commands/act-on-hire/act-on-hire.command.js';
import { AddApplicationCommand } from '../commands/add-application/add-application.command.js';
import { AdvanceRecruitmentCommand } from '../commands/advance-recruitment/advance-recruitment.command.js';
import { OpenPostingCommand } from '../commands/open-posting/open-posting.command.js';
import { RecordInspectionsCommand } from '../commands/record-inspections/record-inspections.command.js';
import { RecordScoresCommand } from '../commands/record-scores/record-scores.command.js';
import { GetPostingQuery } from '../queries/get-posting/get-posting.query.js';
import { ListPostingsQuery } from '../queries/list-postings/list-postings.query.js';
import {
  AddApplicationRequest,
  AdvanceRecruitmentRequest,
  OpenPostingRequest,
  RecordInspectionsRequest,
  RecordScoresRequest,
} from './dto/recruitment.requests.js';
import { ScoresPath } from './dto/recruitment-params.request.js';
import {
  ApplicationAddedResponse,
  PostingOpenedResponse,
  PostingResponse,
  PostingSummaryResponse,
  RecruitmentAdvancedResponse,
  ResultsRecordedResponse,
} from './dto/recruitment.responses.js';

@ApiTags('recruitment')
@ApiBearerAuth()
@ApiProblems(RecruitmentErrors)
@Controller('recruitment-postings')
export class RecruitmentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(202)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Publish a recruitment with places per community; starts its workflow' })
  @ApiAcceptedResponse({ type: PostingOpenedResponse })
  @ApiProblems(CommunityErrors)
  open(@Body() body: OpenPostingRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new OpenPostingCommand({ ...body, places: body.places.map((place) => ({ ...place })) }, actor),
    );
  }

  @Get()
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The district’s recruitments, newest first, with their stage, places and applications' })
  @ApiPageResponse(PostingSummaryResponse)
  list(@Query() page: PageQuery, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListPostingsQuery(actor, page.offset, page.limit));
  }

  @Get(':postingId')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'A posting: stage, places, applications with scores, drop-out reasons and ranks' })
  @ApiOkResponse({ type: PostingResponse })
  get(@Param('postingId', ParseUUIDPipe) postingId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetPostingQuery(postingId, actor));
  }

  @Post(':postingId/applications')
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record an application while applications are open' })
  @ApiCreatedResponse({ type: ApplicationAddedResponse })
  apply(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() body: AddApplicationRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new AddApplicationCommand(postingId, { ...body }, actor));
  }

  @Put(':postingId/scores/:exam')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record written-exam or interview scores (0–100) during that stage' })
  @ApiOkResponse({ type: ResultsRecordedResponse })
  scores(@Param() path: ScoresPath, @Body() body: RecordScoresRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new RecordScoresCommand(
        path.postingId,
        path.exam,
        body.scores.map((entry) => ({ ...entry })),
        actor,
      ),
    );
  }

  @Put(':postingId/inspections')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record inspection (考察) results during the inspection stage' })
  @ApiOkResponse({ type: ResultsRecordedResponse })
  inspections(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() body: RecordInspectionsRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new RecordInspectionsCommand(
        postingId,
        body.results.map((entry) => ({ ...entry })),
        actor,
      ),
    );
  }

  @Post(':postingId/advance')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Close the current stage: drop-outs below the pass marks, ranking after inspection' })
  @ApiOkResponse({ type: RecruitmentAdvancedResponse })
  async advance(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() body: AdvanceRecruitmentRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    const { stage } = await this.commands.execute(new AdvanceRecruitmentCommand(postingId, body.from, actor));
    return { status: stage };
  }

  @Post(':postingId/hire-decision/actions')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Approve or reject the ranked hire list; approval creates the worker records' })
  @ApiOkResponse({ type: ApprovalActionResponse })
  @ApiProblems(ApprovalErrors)
  async decide(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() body: ApprovalActionRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return toApprovalActionResponse(
      await this.commands.execute(new ActOnHireCommand(postingId, body.kind, body.reason, actor, idempotencyKey)),
    );
  }
}
