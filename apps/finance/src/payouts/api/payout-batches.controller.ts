import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApprovalErrors } from '@jianfu/approvals';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  IdempotencyKey,
  type Page,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { DecidePayoutBatchCommand } from '../commands/decide-payout-batch/decide-payout-batch.command.js';
import { PayoutErrors } from '../domain/payouts.errors.js';
import { GetPayoutBatchQuery } from '../queries/get-payout-batch/get-payout-batch.query.js';
import { ListPayoutBatchesQuery } from '../queries/list-payout-batches/list-payout-batches.query.js';
import { DecidePayoutBatchRequest } from './dto/decide-payout-batch.request.js';
import { PayoutBatchListQuery } from './dto/list-payout-batches.request.js';
import {
  PayoutBatchActionResponse,
  PayoutBatchResponse,
  toPayoutBatchActionResponse,
  toPayoutBatchResponse,
} from './dto/payout-batch.response.js';

@ApiTags('payouts')
@ApiBearerAuth()
@ApiProblems(PayoutErrors)
@Controller('payout-batches')
export class PayoutBatchesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.HrOfficer)
  @ApiOperation({ summary: 'Payout batches of the district (bonuses and awards), optionally by status' })
  @ApiPageResponse(PayoutBatchResponse)
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: PayoutBatchListQuery,
  ): Promise<Page<PayoutBatchResponse>> {
    const page = await this.queries.execute(
      new ListPayoutBatchesQuery(actor, query.status, { offset: query.offset, limit: query.limit }),
    );
    return { ...page, items: page.items.map(toPayoutBatchResponse) };
  }

  @Get(':batchId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.HrOfficer)
  @ApiOperation({ summary: 'One payout batch: its lines, total and status' })
  @ApiOkResponse({ type: PayoutBatchResponse })
  async get(@Param('batchId') batchId: string, @CurrentPrincipal() actor: Principal): Promise<PayoutBatchResponse> {
    return toPayoutBatchResponse(await this.queries.execute(new GetPayoutBatchQuery(batchId, actor)));
  }

  @Post(':batchId/actions')
  @HttpCode(200)
  @AllowRoles(Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Finance approves (pays) or rejects a payout batch' })
  @ApiProblems(ApprovalErrors)
  @ApiOkResponse({ type: PayoutBatchActionResponse })
  async act(
    @Param('batchId') batchId: string,
    @Body() body: DecidePayoutBatchRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PayoutBatchActionResponse> {
    const outcome = await this.commands.execute(
      new DecidePayoutBatchCommand(batchId, body.action, body.reason, actor, idempotencyKey),
    );
    return outcome.duplicate
      ? { duplicate: true, batch: toPayoutBatchResponse(outcome.batch) }
      : toPayoutBatchActionResponse(outcome.result);
  }
}
