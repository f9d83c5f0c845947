import { Body, Controller, DefaultValuePipe, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { actorFromPrincipal, sendApprovalAction } from '@jianfu/approvals';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { payoutBatchWorkflowId } from '@jianfu/contracts/workflows';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  IdempotencyKey,
  NotFoundError,
  type Principal,
  reachesCommunity,
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
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  /** A batch is one community's: a user narrowed to streets or communities sees only theirs. */
  private async visible(batchId: string, actor: Principal): Promise<PayoutBatch> {
    const reader = this.transactions.reader;
    const batch = await this.batches.find(reader, batchId);
    if (!batch || batch.districtCode !== actor.scope.districtCode) throw new NotFoundError('payout-batch', batchId);
    if (actor.scope.communityIds || actor.scope.streetCodes) {
      const [community] = await this.directory.findByIds(reader, [batch.communityId], { includeMerged: true });
      if (!community || !reachesCommunity(actor, community)) throw new NotFoundError('payout-batch', batchId);
    }
    return batch;
  }

  /** The communities of a narrowed scope; undefined for a district-wide user. */
  private async communitiesInScope(actor: Principal): Promise<string[] | undefined> {
    if (!actor.scope.communityIds && !actor.scope.streetCodes) return undefined;
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.directory.listInScope(
        this.transactions.reader,
        actor.scope,
        { offset, limit: 1000 },
        { includeMerged: true },
      );
      ids.push(...page.items.map((community) => community.communityId));
      if (offset + 1000 >= page.total) return ids;
    }
  }

  @Get()
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.HrOfficer)
  @ApiOperation({ summary: 'Payout batches of the district (bonuses and awards), optionally by state' })
  @ApiQuery({ name: 'state', required: false, enum: states })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  async list(
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
    const communityIds = await this.communitiesInScope(actor);
    return this.batches.list(
      this.transactions.reader,
      {
        districtCode: actor.scope.districtCode,
        ...(state ? { state: state as PayoutBatchState } : {}),
        ...(communityIds ? { communityIds } : {}),
      },
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
  @ApiOperation({ summary: 'Finance approves (pays) or rejects a payout batch' })
  @ApiOkResponse({ schema: { example: { duplicate: false, step: { stepId: 'finance-approval', state: 'approved' } } } })
  async decide(
    @Param('batchId') batchId: string,
    @Body() body: DecidePayoutBatchRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
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
