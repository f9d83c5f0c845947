import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { ApprovalActionRequest } from '../../approvals/approval-action.request.js';
import { ActOnHireCommand } from '../commands/act-on-hire/act-on-hire.command.js';
import { AddApplicationCommand } from '../commands/add-application/add-application.command.js';
import { AdvanceRecruitmentCommand } from '../commands/advance-recruitment/advance-recruitment.command.js';
import { OpenPostingCommand } from '../commands/open-posting/open-posting.command.js';
import { RecordInspectionsCommand } from '../commands/record-inspections/record-inspections.command.js';
import { RecordScoresCommand } from '../commands/record-scores/record-scores.command.js';
import { GetPostingQuery } from '../queries/get-posting/get-posting.query.js';
import {
  AddApplicationRequest,
  AdvanceRecruitmentRequest,
  OpenPostingRequest,
  RecordInspectionsRequest,
  RecordScoresRequest,
} from './dto/recruitment.requests.js';

@ApiTags('recruitment')
@ApiBearerAuth()
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
  @ApiAcceptedResponse({ schema: { example: { postingId: '2b6f...', workflowId: 'recruitment-2b6f...' } } })
  open(@Body() body: OpenPostingRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(
      new OpenPostingCommand({ ...body, places: body.places.map((place) => ({ ...place })) }, actor),
    );
  }

  @Get(':postingId')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'A posting: stage, places, applications with scores, drop-out reasons and ranks' })
  get(@Param('postingId', ParseUUIDPipe) postingId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetPostingQuery(postingId, actor));
  }

  @Post(':postingId/applications')
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record an application while applications are open' })
  apply(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() body: AddApplicationRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new AddApplicationCommand(postingId, { ...body }, actor));
  }

  @Put(':postingId/scores/:exam')
  @AllowRoles(Roles.HrOfficer)
  @ApiParam({ name: 'exam', enum: ['written', 'interview'] })
  @ApiOperation({ summary: 'Record written-exam or interview scores (0–100) during that stage' })
  scores(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Param('exam') exam: string,
    @Body() body: RecordScoresRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    if (exam !== 'written' && exam !== 'interview') {
      throw new DomainError('request.invalid', 'exam must be written or interview', 400);
    }
    return this.commands.execute(
      new RecordScoresCommand(
        postingId,
        exam,
        body.scores.map((entry) => ({ ...entry })),
        actor,
      ),
    );
  }

  @Put(':postingId/inspections')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Record inspection (考察) results during the inspection stage' })
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
  advance(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() body: AdvanceRecruitmentRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new AdvanceRecruitmentCommand(postingId, body.from, actor));
  }

  @Post(':postingId/hire-decision/actions')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Approve or reject the ranked hire list; approval creates the worker records' })
  decide(
    @Param('postingId', ParseUUIDPipe) postingId: string,
    @Body() body: ApprovalActionRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.commands.execute(new ActOnHireCommand(postingId, body.kind, body.reason, actor, idempotencyKey));
  }
}
