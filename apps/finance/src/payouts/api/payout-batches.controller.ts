import {
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { actorFromPrincipal, sendApprovalAction } from '@jianfu/approvals';
import { payoutBatchWorkflowId } from '@jianfu/contracts/workflows';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  NotFoundError,
  type Principal,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import {
  type PayoutBatch,
  PayoutBatchesRepository,
  type PayoutBatchState,
} from '../persistence/payout-batches.repository.js';
import { DecidePayoutBatchRequest } from './dto/decide-payout-batch.request.js';

const states: PayoutBatchState[] = [
  'awaiting-approval',
  'paid',
  'rejected',
  'expired',
  'nothing-to-pay',
  'unknown-community',
];

@ApiTags('payouts')
@ApiBearerAuth()
@Controller('payout-batches')
export class PayoutBatchesController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly batches: PayoutBatchesRepository,
    private readonly temporal: Client,
  ) {}

  private async visible(batchId: string, actor: Principal): Promise<PayoutBatch> {
    const batch = await this.batches.find(this.transactions.reader, batchId);
    if (!batch || batch.districtCode !== actor.scope.districtCode) throw new NotFoundError('payout-batch', batchId);
    return batch;
  }

  @Get()
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.HrOfficer)
  @ApiOperation({ summary: 'Payout batches of the district (bonuses and awards), optionally by state' })
  @ApiQuery({ name: 'state', required: false, enum: states })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('state') state?: string,
  ) {
    if (state !== undefined && !states.includes(state as PayoutBatchState)) {
      throw new DomainError('request.invalid-state', `state must be one of ${states.join(', ')}`, 400, {
        field: 'state',
      });
    }
    if (offset < 0 || limit < 1 || limit > 500) {
      throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 500', 400);
    }
    return this.batches.list(
      this.transactions.reader,
      { districtCode: actor.scope.districtCode, ...(state ? { state: state as PayoutBatchState } : {}) },
      { offset, limit },
    );
  }

  @Get(':batchId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.HrOfficer)
  @ApiOperation({ summary: 'One payout batch: its lines, total and state' })
  get(@Param('batchId') batchId: string, @CurrentPrincipal() actor: Principal) {
    return this.visible(batchId, actor);
  }

  @Post(':batchId/decision')
  @HttpCode(200)
  @AllowRoles(Roles.FinanceOfficer)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeating a decision with the same key has one effect',
  })
  @ApiOperation({ summary: 'Finance approves (pays) or rejects a payout batch' })
  @ApiOkResponse({ schema: { example: { duplicate: false, step: { stepId: 'finance-approval', state: 'approved' } } } })
  async decide(
    @Param('batchId') batchId: string,
    @Body() body: DecidePayoutBatchRequest,
    @CurrentPrincipal() actor: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const batch = await this.visible(batchId, actor);
    if (batch.state !== 'awaiting-approval') {
      // The officer repeating the decision that closed the batch gets its outcome again; anything else is late.
      const outcome = body.action === 'approve' ? 'paid' : 'rejected';
      if (batch.decidedBy === actor.userId && batch.state === outcome) return { duplicate: true, batch };
      throw new DomainError('approval.closed', `Payout batch ${batchId} is ${batch.state}`, 409);
    }
    return sendApprovalAction(
      this.temporal,
      payoutBatchWorkflowId(batchId),
      { kind: body.action, actor: actorFromPrincipal(actor), ...(body.reason ? { reason: body.reason } : {}) },
      idempotencyKey ? { idempotencyKey } : {},
    );
  }
}
