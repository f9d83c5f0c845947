import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { actorFromPrincipal, ApprovalErrors, sendApprovalAction } from '@jianfu/approvals';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { payoutBatchWorkflowId } from '@jianfu/contracts/workflows';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  IdempotencyKey,
  DomainError,
  NotFoundError,
  type Page,
  type Principal,
  reachesCommunity,
  Roles,
  toPage,
  TransactionRunner,
} from '@jianfu/platform';
import { PayoutErrors } from '../domain/payouts.errors.js';
import { type PayoutBatch, PayoutBatchesRepository } from '../persistence/payout-batches.repository.js';
import { DecidePayoutBatchRequest } from './dto/decide-payout-batch.request.js';
import { ListPayoutBatchesQuery } from './dto/list-payout-batches.request.js';
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
  @ApiOperation({ summary: 'Payout batches of the district (bonuses and awards), optionally by status' })
  @ApiPageResponse(PayoutBatchResponse)
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListPayoutBatchesQuery,
  ): Promise<Page<PayoutBatchResponse>> {
    const communityIds = await this.communitiesInScope(actor);
    const page = await this.batches.list(
      this.transactions.reader,
      {
        districtCode: actor.scope.districtCode,
        ...(query.status ? { state: query.status } : {}),
        ...(communityIds ? { communityIds } : {}),
      },
      query,
    );
    return toPage(page.items.map(toPayoutBatchResponse), page.total, query);
  }

  @Get(':batchId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.HrOfficer)
  @ApiOperation({ summary: 'One payout batch: its lines, total and status' })
  @ApiOkResponse({ type: PayoutBatchResponse })
  async get(@Param('batchId') batchId: string, @CurrentPrincipal() actor: Principal): Promise<PayoutBatchResponse> {
    return toPayoutBatchResponse(await this.visible(batchId, actor));
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
    const batch = await this.visible(batchId, actor);
    if (batch.state !== 'awaiting-approval') {
      // The officer repeating the decision that closed the batch gets its outcome again; anything else is late.
      const outcome = body.action === 'approve' ? 'paid' : 'rejected';
      if (batch.decidedBy === actor.userId && batch.state === outcome) {
        return { duplicate: true, batch: toPayoutBatchResponse(batch) };
      }
      throw DomainError.of(ApprovalErrors['approval.closed'], `Payout batch ${batchId} is ${batch.state}`);
    }
    return toPayoutBatchActionResponse(
      await sendApprovalAction(
        this.temporal,
        payoutBatchWorkflowId(batchId),
        { kind: body.action, actor: actorFromPrincipal(actor), ...(body.reason ? { reason: body.reason } : {}) },
        idempotencyKey ? { idempotencyKey } : {},
      ),
    );
  }
}
