import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { ApprovalActionRequest } from '../../approvals/approval-action.request.js';
import { ActOnPromotionCommand } from '../commands/act-on-promotion/act-on-promotion.command.js';
import { RequestPromotionCommand } from '../commands/request-promotion/request-promotion.command.js';
import { SetEstablishmentPlacesCommand } from '../commands/set-establishment-places/set-establishment-places.command.js';
import { SetStepRuleCommand } from '../commands/set-step-rule/set-step-rule.command.js';
import { GetCareerQuery } from '../queries/get-career/get-career.query.js';
import { GetPromotionRequestQuery } from '../queries/get-promotion-request/get-promotion-request.query.js';
import { ListCareerTracksQuery } from '../queries/list-career-tracks/list-career-tracks.query.js';
import { EstablishmentPlacesRequest, RequestPromotionRequest, StepRuleRequest } from './dto/step-rule.request.js';

const readers = [Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary];
const codePattern = /^[a-z][a-z0-9-]{0,63}$/;

/** One unmet rule, as the refusal and the career query both list them. */
const unmetRuleSchema = {
  type: 'object',
  required: ['rule', 'required', 'actual', 'message'],
  properties: {
    rule: {
      type: 'string',
      enum: [
        'top-of-track',
        'years-in-rank',
        'recent-annual-grades',
        'certificate',
        'education',
        'party-membership',
        'establishment-places',
        'rule-missing',
      ],
      description: 'the rule not met',
    },
    required: {
      description:
        'what the rule asks: years (years-in-rank), `{count, minGrade}` (recent-annual-grades), a certificate code, ' +
        'an education level, `true` (party-membership), free places (establishment-places), the next step (rule-missing)',
    },
    actual: {
      description:
        'what the worker has: years, the recent `[{year, grade}]`, their certificates, their education, `false`, ' +
        'the free places, the current step (top-of-track)',
    },
    message: { type: 'string', description: 'the same in Chinese prose, for display' },
  },
};

const unmetExample = [
  { rule: 'years-in-rank', required: 3, actual: 1.2, message: '需任社区工作者满3年，现任1.2年' },
  {
    rule: 'recent-annual-grades',
    required: { count: 2, minGrade: 'good' },
    actual: [{ year: 2025, grade: 'qualified' }],
    message: '需最近2年年度考核均为良好及以上，现为2025年合格',
  },
  { rule: 'party-membership', required: true, actual: false, message: '需为中共党员' },
];

function code(value: string): string {
  return codePattern.test(value) ? value : '-';
}

@ApiTags('careers')
@ApiBearerAuth()
@Controller()
export class CareersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('career-tracks')
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'The two career tracks (双轨), their steps, the district’s rules and free places' })
  tracks(@CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new ListCareerTracksQuery(actor));
  }

  @Put('career-tracks/:trackCode/steps/:stepCode/rule')
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Set the district’s rule for reaching a step (overrides the default)' })
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
    description: 'Each track’s `unmet` lists the rules still missing for its next step (empty when eligible)',
    schema: {
      type: 'object',
      properties: {
        workerId: { type: 'string' },
        name: { type: 'string' },
        path: { type: 'array', items: { type: 'object' } },
        tracks: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              trackCode: { type: 'string' },
              eligible: { type: 'boolean' },
              unmet: { type: 'array', items: unmetRuleSchema },
            },
          },
        },
      },
      example: {
        tracks: [{ trackCode: 'post', next: { code: 'community-secretary' }, eligible: false, unmet: unmetExample }],
      },
    },
  })
  career(@Param('workerId', ParseUUIDPipe) workerId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCareerQuery(workerId, actor));
  }

  @Post('workers/:workerId/promotions')
  @HttpCode(202)
  @AllowRoles(Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Request promotion to the next step; refused listing every unmet rule' })
  @ApiAcceptedResponse({
    schema: { example: { requestId: '7a1f...', workflowId: 'promotion-7a1f...', toStep: 'community-secretary' } },
  })
  @ApiUnprocessableEntityResponse({
    description:
      'application/problem+json, code `promotion.ineligible`: the extension member `unmet` lists every rule not met',
    content: {
      'application/problem+json': {
        schema: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string', example: 'promotion.ineligible' },
            unmet: { type: 'array', items: unmetRuleSchema },
          },
          example: {
            type: 'https://jianfu.dev/problems/promotion.ineligible',
            title: 'Unprocessable Content',
            status: 422,
            code: 'promotion.ineligible',
            detail: '张三暂不符合post序列晋升条件：[years-in-rank] 需任社区工作者满3年，现任1.2年；…',
            unmet: unmetExample,
          },
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
  promotion(@Param('requestId', ParseUUIDPipe) requestId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetPromotionRequestQuery(requestId, actor));
  }

  @Post('promotion-requests/:requestId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({
    summary: 'Review (street party committee) or decide (district organisation department) a promotion',
  })
  act(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: ApprovalActionRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.commands.execute(new ActOnPromotionCommand(requestId, body.kind, body.reason, actor, idempotencyKey));
  }
}
