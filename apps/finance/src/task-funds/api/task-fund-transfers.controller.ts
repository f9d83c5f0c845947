import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { DecideTaskFundTransferCommand } from '../commands/decide-task-fund-transfer/decide-task-fund-transfer.command.js';
import { ResubmitTaskFundTransferCommand } from '../commands/resubmit-task-fund-transfer/resubmit-task-fund-transfer.command.js';
import {
  GetTaskFundingQuery,
  GetTaskFundTransferQuery,
} from '../queries/get-task-fund-transfer/get-task-fund-transfer.query.js';
import { DecideTaskFundTransferRequest } from './dto/decide-task-fund-transfer.request.js';
import { ResubmitTaskFundTransferRequest } from './dto/resubmit-task-fund-transfer.request.js';

/** An instalment's period as the schedule names it: `2027-03`, `2027-Q1` or `2027`. */
function instalmentPeriod(period: string | undefined): string | undefined {
  if (period === undefined) return undefined;
  if (!/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(period)) {
    throw new DomainError('request.period', 'period must be an instalment such as 2027-03, 2027-Q1 or 2027', 400, {
      field: 'period',
    });
  }
  return period;
}

const periodQuery = {
  name: 'period',
  required: false,
  description: 'The instalment of a task funded per period (2027-03, 2027-Q1, 2027); default: the latest',
};

@ApiTags('task fund transfers')
@ApiBearerAuth()
@Controller('task-fund-transfers')
export class TaskFundTransfersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':taskId/decision')
  @HttpCode(200)
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({
    summary: 'The finance officer approves, rejects or returns a task fund transfer (费随事转)',
    description: 'Acts on the transfer’s step of the shared approval kit; the step also shows in GET /approval-inbox.',
  })
  @ApiOkResponse({
    schema: { example: { duplicate: false, step: { stepId: 'finance-approval-1', state: 'approved' } } },
  })
  @ApiQuery(periodQuery)
  decide(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: DecideTaskFundTransferRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
    @Query('period') period?: string,
  ) {
    return this.commands.execute(
      new DecideTaskFundTransferCommand(
        taskId,
        body.action,
        body.reason,
        actor,
        idempotencyKey,
        instalmentPeriod(period),
      ),
    );
  }

  @Post(':taskId/resubmission')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'The owning department sends a returned transfer back to finance' })
  @ApiOkResponse({
    schema: { example: { duplicate: false, step: { stepId: 'department-resubmission-1', state: 'approved' } } },
  })
  @ApiQuery(periodQuery)
  resubmit(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body() body: ResubmitTaskFundTransferRequest,
    @CurrentPrincipal() actor: Principal,
    @Query('period') period?: string,
  ) {
    return this.commands.execute(
      new ResubmitTaskFundTransferCommand(taskId, body.note, actor, instalmentPeriod(period)),
    );
  }

  @Get(':taskId/instalments')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'The funding of a task: its per-period schedule (按期拨付; null for a task funded once) and every transfer ' +
      'so far, each with the period it pays for',
  })
  instalments(@Param('taskId', ParseUUIDPipe) taskId: string, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(new GetTaskFundingQuery(taskId, actor));
  }

  @Get(':taskId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.DepartmentSubmitter, Roles.AdmissionReviewer)
  @ApiOperation({ summary: 'A task fund transfer: the funding promised per community and where it stands' })
  @ApiQuery(periodQuery)
  get(
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @CurrentPrincipal() actor: Principal,
    @Query('period') period?: string,
  ) {
    return this.queries.execute(new GetTaskFundTransferQuery(taskId, actor, instalmentPeriod(period)));
  }
}
