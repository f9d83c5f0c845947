import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApprovalErrors } from '@jianfu/approvals';
import {
  AllowRoles,
  ApiProblems,
  CurrentPrincipal,
  IdempotencyKey,
  type Principal,
  Roles,
  WaitsForChange,
} from '@jianfu/platform';
import { DecideTaskFundTransferCommand } from '../commands/decide-task-fund-transfer/decide-task-fund-transfer.command.js';
import { ResubmitTaskFundTransferCommand } from '../commands/resubmit-task-fund-transfer/resubmit-task-fund-transfer.command.js';
import { TaskFundErrors } from '../domain/task-funds.errors.js';
import { GetTaskFundTransferQuery } from '../queries/get-task-fund-transfer/get-task-fund-transfer.query.js';
import { GetTaskFundingQuery } from '../queries/get-task-funding/get-task-funding.query.js';
import { DecideTaskFundTransferRequest } from './dto/decide-task-fund-transfer.request.js';
import { InstalmentQuery } from './dto/instalment.request.js';
import { ResubmitTaskFundTransferRequest } from './dto/resubmit-task-fund-transfer.request.js';
import {
  TaskFundingResponse,
  TaskFundTransferActionResponse,
  toTaskFundingResponse,
  toTaskFundTransferActionResponse,
  toTaskFundTransferDetailResponse,
  TaskFundTransferDetailResponse,
} from './dto/task-fund-transfer.response.js';

@ApiTags('task fund transfers')
@ApiBearerAuth()
@ApiProblems(TaskFundErrors)
@Controller('task-fund-transfers')
export class TaskFundTransfersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':taskId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({
    summary: 'The finance officer approves, rejects or returns a task fund transfer (费随事转)',
    description: 'Acts on the transfer’s step of the shared approval kit; the step also shows in GET /approval-inbox.',
  })
  @ApiProblems(ApprovalErrors)
  @ApiOkResponse({ type: TaskFundTransferActionResponse })
  async act(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Query() query: InstalmentQuery,
    @Body() body: DecideTaskFundTransferRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TaskFundTransferActionResponse> {
    return toTaskFundTransferActionResponse(
      await this.commands.execute(
        new DecideTaskFundTransferCommand(taskId, body.action, body.reason, actor, idempotencyKey, query.period),
      ),
    );
  }

  @Post(':taskId/resubmission')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'The owning department sends a returned transfer back to finance' })
  @ApiProblems(ApprovalErrors)
  @ApiOkResponse({ type: TaskFundTransferActionResponse })
  async resubmit(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Query() query: InstalmentQuery,
    @Body() body: ResubmitTaskFundTransferRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TaskFundTransferActionResponse> {
    return toTaskFundTransferActionResponse(
      await this.commands.execute(new ResubmitTaskFundTransferCommand(taskId, body.note, actor, query.period)),
    );
  }

  @Get(':taskId/instalments')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'The funding of a task: its per-period schedule (按期拨付; null for a task funded once) and every transfer ' +
      'so far, each with the period it pays for',
  })
  @ApiOkResponse({ type: TaskFundingResponse })
  async instalments(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TaskFundingResponse> {
    return toTaskFundingResponse(await this.queries.execute(new GetTaskFundingQuery(taskId, actor)));
  }

  @Get(':taskId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'A task fund transfer: the funding promised per community, where it stands, and the department’s budget before and after it',
  })
  @ApiOkResponse({ type: TaskFundTransferDetailResponse })
  @WaitsForChange('taskId')
  async get(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Query() query: InstalmentQuery,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TaskFundTransferDetailResponse> {
    return toTaskFundTransferDetailResponse(
      await this.queries.execute(new GetTaskFundTransferQuery(taskId, actor, query.period)),
    );
  }
}
