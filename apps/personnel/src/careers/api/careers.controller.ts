import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApprovalActionResponse, ApprovalErrors, toApprovalActionResponse } from '@jianfu/approvals';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
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
import { WorkerErrors } from '../../workers/domain/workers.errors.js';
import { CareerErrors } from '../domain/careers.errors.js';
import { ActOnPromotionCommand } from '../commands/act-on-promotion/act-on-promotion.command.js';
import { RequestPromotionCommand } from '../commands/request-promotion/request-promotion.command.js';
import { SetEstablishmentPlacesCommand } from '../commands/set-establishment-places/set-establishment-places.command.js';
import { SetStepRuleCommand } from '../commands/set-step-rule/set-step-rule.command.js';
import { GetCareerQuery } from '../queries/get-career/get-career.query.js';
import { GetPromotionRequestQuery } from '../queries/get-promotion-request/get-promotion-request.query.js';
import { ListCareerTracksQuery } from '../queries/list-career-tracks/list-career-tracks.query.js';
import {
  CareerResponse,
  CareerTrackResponse,
  EstablishmentPlacesResponse,
  PromotionRequestedResponse,
  PromotionRequestResponse,
  StepRuleResponse,
  UnmetRuleResponse,
} from './dto/career.response.js';
import { EstablishmentPlacesRequest, RequestPromotionRequest, StepRuleRequest } from './dto/step-rule.request.js';

const readers = [Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary];
const codePattern = /^[a-z][a-z0-9-]{0,63}$/;

function code(value: string): string {
  return codePattern.test(value) ? value : '-';
}

@ApiTags('careers')
@ApiBearerAuth()
@ApiProblems(CareerErrors)
@Controller()
export class CareersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('career-tracks')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'The two career tracks (双轨), their steps, the district’s rules and free places' })
  @ApiPageResponse(CareerTrackResponse)
  tracks(@CurrentPrincipal() actor: Principal, @Query() page: PageQuery) {
    return this.queries.execute(new ListCareerTracksQuery(actor, page.offset, page.limit));
  }

  @Put('career-tracks/:trackCode/steps/:stepCode/rule')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Set the district’s rule for reaching a step (overrides the default)' })
  @ApiOkResponse({ type: StepRuleResponse, description: 'The rule now in force in the district' })
  setRule(
    @Param('trackCode') trackCode: string,
    @Param('stepCode') stepCode: string,
    @Body() body: StepRuleRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new SetStepRuleCommand(
        { ...body, minEducation: body.minEducation ?? null, trackCode: code(trackCode), stepCode: code(stepCode) },
        actor,
      ),
    );
  }

  @Put('career-tracks/:trackCode/steps/:stepCode/places')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Set the district’s career-establishment places (编制) for a step' })
  @ApiOkResponse({ type: EstablishmentPlacesResponse })
  setPlaces(
    @Param('trackCode') trackCode: string,
    @Param('stepCode') stepCode: string,
    @Body() body: EstablishmentPlacesRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new SetEstablishmentPlacesCommand(code(trackCode), code(stepCode), body.places, actor),
    );
  }

  @Get('workers/:workerId/career')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'A worker’s career path and what they still need for the next step on each track' })
  @ApiOkResponse({
    type: CareerResponse,
    description: 'Each track’s `unmet` lists the rules still missing for its next step (empty when eligible)',
  })
  @ApiProblems(WorkerErrors['worker.not-found'])
  career(@Param('workerId', ParseUUIDPipe) workerId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCareerQuery(workerId, actor));
  }

  @Post('workers/:workerId/promotions')
  @HttpCode(202)
  @AllowRoles(Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Request promotion to the next step; refused listing every unmet rule' })
  @ApiAcceptedResponse({ type: PromotionRequestedResponse })
  @ApiProblems(WorkerErrors['worker.not-found'])
  @ApiUnprocessableEntityResponse({
    description: 'Code `promotion.ineligible`: the extension member `unmet` lists every rule not met',
    content: {
      'application/problem+json': {
        schema: {
          type: 'object',
          properties: { unmet: { type: 'array', items: { $ref: getSchemaPath(UnmetRuleResponse) } } },
        },
      },
    },
  })
  requestPromotion(
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Body() body: RequestPromotionRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(new RequestPromotionCommand(workerId, body.trackCode, body.reason, actor));
  }

  @Get('promotion-requests/:requestId')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'A promotion request and its outcome' })
  @ApiOkResponse({ type: PromotionRequestResponse })
  promotion(@Param('requestId', ParseUUIDPipe) requestId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetPromotionRequestQuery(requestId, actor));
  }

  @Post('promotion-requests/:requestId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({
    summary: 'Review (street party committee) or decide (district organisation department) a promotion',
  })
  @ApiOkResponse({ type: ApprovalActionResponse })
  @ApiProblems(ApprovalErrors)
  async act(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: ApprovalActionRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return toApprovalActionResponse(
      await this.commands.execute(new ActOnPromotionCommand(requestId, body.kind, body.reason, actor, idempotencyKey)),
    );
  }
}
