import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApprovalActionResponse, ApprovalErrors } from '@jianfu/approvals';
import { AllowRoles, ApiProblems, CurrentPrincipal, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { ApprovalActionRequest } from '../../approvals/approval-action.request.js';
import { ActOnCadreReviewProposalCommand } from '../commands/act-on-cadre-review-proposal/act-on-cadre-review-proposal.command.js';
import { ProposeCadreReviewResultsCommand } from '../commands/propose-cadre-review-results/propose-cadre-review-results.command.js';
import { WorkerErrors } from '../../workers/domain/workers.errors.js';
import { OpenCadreReviewCycleCommand } from '../commands/open-cadre-review-cycle/open-cadre-review-cycle.command.js';
import { type CadreEvidenceInput, RecordEvidenceCommand } from '../commands/record-evidence/record-evidence.command.js';
import { CadreReviewCycleErrors } from '../domain/cadre-review-cycles.errors.js';
import { GetResidentSatisfactionQuery } from '../queries/get-resident-satisfaction/get-resident-satisfaction.query.js';
import { GetCadreReviewCycleQuery } from '../queries/get-cadre-review-cycle/get-cadre-review-cycle.query.js';
import {
  CadreEvidencePath,
  CastBallotRequest,
  OpenCadreReviewCycleRequest,
  RecordFieldVisitRequest,
  RecordHouseholdSurveyRequest,
  RecordMeetingRequest,
  RecordQuestionnaireRequest,
  ResidentSatisfactionRequest,
} from './dto/cadre-review-cycle.request.js';
import {
  CadreReviewCycleOpenedResponse,
  CadreReviewProposedResponse,
  CadreReviewCycleResponse,
  EvidenceRecordedResponse,
  ResidentSatisfactionResponse,
} from './dto/cadre-review-cycle.response.js';

/**
 * The annual cadre review collected per year and street (seed 003: 述职评议、实地走访、入户调查，重点突出工作实绩和社区
 * 居民满意度): HR of the street (街社主管) or the district records the evidence; the results follow from it.
 */
@ApiTags('cadre review cycles')
@ApiBearerAuth()
@ApiProblems(CadreReviewCycleErrors, WorkerErrors['worker.not-found'])
@AllowRoles(Roles.HrOfficer)
@Controller('cadre-review-cycles')
export class CadreReviewCyclesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open the year’s cadre review cycle of a street' })
  @ApiCreatedResponse({ type: CadreReviewCycleOpenedResponse })
  open(@Body() body: OpenCadreReviewCycleRequest, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new OpenCadreReviewCycleCommand(body.year, body.streetCode, actor));
  }

  // Declared before `:cycleId`, which would otherwise take the path.
  @Get('satisfaction')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'Residents’ satisfaction (居民满意度) of a year’s reviews per community and street' })
  @ApiOkResponse({ type: ResidentSatisfactionResponse })
  satisfaction(@Query() query: ResidentSatisfactionRequest, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetResidentSatisfactionQuery(query.year, actor));
  }

  @Get(':cycleId')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'The cycle: each cadre’s evidence, four sources and result under the district policy' })
  @ApiOkResponse({ type: CadreReviewCycleResponse })
  get(@Param('cycleId', ParseUUIDPipe) cycleId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCadreReviewCycleQuery(cycleId, actor));
  }

  @Put(':cycleId/cadres/:workerId/meeting')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the cadre’s debriefing meeting (述职评议): date and attendees' })
  @ApiCreatedResponse({ type: EvidenceRecordedResponse })
  meeting(@Param() path: CadreEvidencePath, @Body() body: RecordMeetingRequest, @CurrentPrincipal() actor: Principal) {
    return this.record(path, { kind: 'meeting', ...body }, actor);
  }

  @Post(':cycleId/cadres/:workerId/ballots')
  @ApiOperation({ summary: 'An attendee’s ballot (优秀/称职/基本称职/不称职); a second ballot supersedes the first' })
  @ApiCreatedResponse({ type: EvidenceRecordedResponse })
  ballot(@Param() path: CadreEvidencePath, @Body() body: CastBallotRequest, @CurrentPrincipal() actor: Principal) {
    return this.record(path, { kind: 'ballot', ...body }, actor);
  }

  @Post(':cycleId/cadres/:workerId/field-visits')
  @ApiOperation({ summary: 'A field visit (实地走访): checklist scores and notes, by the caller as reviewer' })
  @ApiCreatedResponse({ type: EvidenceRecordedResponse })
  fieldVisit(
    @Param() path: CadreEvidencePath,
    @Body() body: RecordFieldVisitRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.record(
      path,
      {
        kind: 'field-visit',
        visitedOn: body.visitedOn,
        notes: body.notes,
        checklist: body.checklist.map(({ item, score }) => ({ item, score })),
      },
      actor,
    );
  }

  @Post(':cycleId/cadres/:workerId/household-surveys')
  @ApiOperation({ summary: 'A household survey (入户调查): the household kept as a hash, answers on a 1–5 scale' })
  @ApiCreatedResponse({ type: EvidenceRecordedResponse })
  householdSurvey(
    @Param() path: CadreEvidencePath,
    @Body() body: RecordHouseholdSurveyRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.record(path, { kind: 'household-survey', ...body }, actor);
  }

  @Put(':cycleId/cadres/:workerId/questionnaire')
  @HttpCode(201)
  @ApiOperation({ summary: 'The resident satisfaction questionnaire (居民满意度): sample and answers' })
  @ApiCreatedResponse({ type: EvidenceRecordedResponse })
  questionnaire(
    @Param() path: CadreEvidencePath,
    @Body() body: RecordQuestionnaireRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.record(path, { kind: 'questionnaire', ...body }, actor);
  }

  @Post(':cycleId/proposal')
  @HttpCode(202)
  @ApiOperation({
    summary: 'The street committee proposes the year’s results; the district organisation department decides',
  })
  @ApiAcceptedResponse({ type: CadreReviewProposedResponse })
  propose(@Param('cycleId', ParseUUIDPipe) cycleId: string, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new ProposeCadreReviewResultsCommand(cycleId, actor));
  }

  @Post(':cycleId/proposal/actions')
  @HttpCode(200)
  @ApiProblems(ApprovalErrors)
  @ApiOperation({
    summary: 'The district approves, rejects or returns the proposal for amendment; the street withdraws',
  })
  @ApiOkResponse({ type: ApprovalActionResponse })
  act(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: ApprovalActionRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.commands.execute(
      new ActOnCadreReviewProposalCommand(cycleId, body.kind, body.reason, actor, idempotencyKey),
    );
  }

  private record(path: CadreEvidencePath, evidence: CadreEvidenceInput, actor: Principal) {
    return this.commands.execute(new RecordEvidenceCommand(path.cycleId, path.workerId, evidence, actor));
  }
}
