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
  type Principal,
  Roles,
} from '@jianfu/platform';
import { ApprovalActionRequest } from '../../approvals/approval-action.request.js';
import { CommunityErrors } from '../../communities/domain/communities.errors.js';
import { AssessmentErrors } from '../domain/assessments.errors.js';
import { ActOnCycleClosingCommand } from '../commands/act-on-cycle-closing/act-on-cycle-closing.command.js';
import { GradeWorkersCommand } from '../commands/grade-workers/grade-workers.command.js';
import { OpenCycleCommand } from '../commands/open-cycle/open-cycle.command.js';
import { RequestCycleClosingCommand } from '../commands/request-cycle-closing/request-cycle-closing.command.js';
import { GetCycleQuery } from '../queries/get-cycle/get-cycle.query.js';
import { ListCyclesQuery } from '../queries/list-cycles/list-cycles.query.js';
import {
  ClosingRequestedResponse,
  CycleOpenedResponse,
  CycleResponse,
  CycleSummaryResponse,
  GradesRecordedResponse,
} from './dto/assessment-cycle.response.js';
import { GradeWorkersRequest } from './dto/grade-workers.request.js';
import { ListCyclesRequest } from './dto/list-cycles.request.js';
import { OpenCycleRequest } from './dto/open-cycle.request.js';

@ApiTags('assessment cycles')
@ApiBearerAuth()
@ApiProblems(AssessmentErrors)
@Controller('assessment-cycles')
export class AssessmentCyclesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Open a monthly or annual assessment (月度/年度考核) of a community or a street' })
  @ApiCreatedResponse({ type: CycleOpenedResponse })
  @ApiProblems(CommunityErrors)
  open(@Body() body: OpenCycleRequest, @CurrentPrincipal() actor: Principal) {
    const unit = body.communityId ? { communityId: body.communityId } : { streetCode: body.streetCode! };
    return this.commands.execute(new OpenCycleCommand(body.kind, body.period, unit, actor));
  }

  @Get()
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary, Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Cycles in scope with the bonus total of each' })
  @ApiPageResponse(CycleSummaryResponse)
  list(@CurrentPrincipal() actor: Principal, @Query() query: ListCyclesRequest) {
    const filter = { ...(query.kind ? { kind: query.kind } : {}), ...(query.period ? { period: query.period } : {}) };
    return this.queries.execute(new ListCyclesQuery(actor, filter, query.offset, query.limit));
  }

  @Get(':cycleId')
  @AllowRoles(Roles.HrOfficer, Roles.DistrictLeader, Roles.CommunitySecretary, Roles.FinanceOfficer)
  @ApiOperation({ summary: 'A cycle: cohort, grades, quota standing, bonuses once finalised' })
  @ApiOkResponse({ type: CycleResponse })
  get(@Param('cycleId', ParseUUIDPipe) cycleId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetCycleQuery(cycleId, actor));
  }

  @Put(':cycleId/grades')
  @AllowRoles(Roles.HrOfficer, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'Grade cohort members (合格/良好/优秀/不合格) while the cycle is open' })
  @ApiOkResponse({ type: GradesRecordedResponse, description: 'How many of the cohort are graded now, and not yet' })
  grade(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: GradeWorkersRequest,
    @CurrentPrincipal() actor: Principal,
  ) {
    return this.commands.execute(
      new GradeWorkersCommand(
        cycleId,
        body.grades.map((entry) => ({ ...entry })),
        actor,
      ),
    );
  }

  @Post(':cycleId/closing')
  @HttpCode(202)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Ask to close the cycle; refused while grades are missing or a quota is exceeded' })
  @ApiAcceptedResponse({ type: ClosingRequestedResponse })
  requestClosing(@Param('cycleId', ParseUUIDPipe) cycleId: string, @CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new RequestCycleClosingCommand(cycleId, actor));
  }

  @Post(':cycleId/closing/actions')
  @HttpCode(200)
  @AllowRoles(Roles.HrOfficer)
  @ApiOperation({ summary: 'Approve, reject or return the closing; approval finalises the grades and pays bonuses' })
  @ApiOkResponse({ type: ApprovalActionResponse })
  @ApiProblems(ApprovalErrors)
  async act(
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: ApprovalActionRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return toApprovalActionResponse(
      await this.commands.execute(new ActOnCycleClosingCommand(cycleId, body.kind, body.reason, actor, idempotencyKey)),
    );
  }
}
