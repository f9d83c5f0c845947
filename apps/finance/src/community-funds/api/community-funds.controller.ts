import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { IdempotencyErrors } from '../../idempotency/domain/idempotency.errors.js';
import { requireIdempotencyKey } from '../../idempotency/domain/idempotency-key.js';
import { LedgerErrors } from '../../ledger/domain/ledger.errors.js';
import { AllocatePartyBuildingFundCommand } from '../commands/allocate-party-building-fund/allocate-party-building-fund.command.js';
import { RecordCoBuildingReceiptCommand } from '../commands/record-co-building-receipt/record-co-building-receipt.command.js';
import { RecordSpendingCommand } from '../commands/record-spending/record-spending.command.js';
import { CommunityFundErrors } from '../domain/community-funds.errors.js';
import { GetCommunityAccountsQuery } from '../queries/get-community-accounts/get-community-accounts.query.js';
import { CommunityAccountsResponse } from './dto/community-accounts.response.js';
import { AllocatePartyBuildingFundRequest } from './dto/allocate-party-building-fund.request.js';
import {
  CoBuildingReceiptRecordedResponse,
  PartyBuildingFundAllocatedResponse,
  SpendingRecordedResponse,
} from './dto/money-moved.response.js';
import { RecordCoBuildingReceiptRequest } from './dto/record-co-building-receipt.request.js';
import { RecordSpendingRequest } from './dto/record-spending.request.js';

@ApiTags('community funds')
@ApiBearerAuth()
@ApiProblems(CommunityFundErrors, LedgerErrors['money.invalid-amount'], LedgerErrors['ledger.invalid-transfer-id'])
@Controller('communities/:communityId')
export class CommunityFundsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('accounts')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader, Roles.CommunitySecretary)
  @ApiOperation({ summary: 'The community’s accounts by fund, with a task account (专款) per task that funded it' })
  @ApiOkResponse({ type: CommunityAccountsResponse })
  accounts(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CommunityAccountsResponse> {
    return this.queries.execute(new GetCommunityAccountsQuery(communityId, actor));
  }

  @Post('spending')
  @AllowRoles(Roles.CommunitySecretary, Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Record spending from a community fund; task money only against its own task (专款专用)' })
  @ApiCreatedResponse({ type: SpendingRecordedResponse })
  spend(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RecordSpendingRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<SpendingRecordedResponse> {
    return this.commands.execute(
      new RecordSpendingCommand(
        communityId,
        body.fund,
        body.taskId,
        body.amountFen,
        body.purpose,
        actor,
        idempotencyKey,
      ),
    );
  }

  @Post('co-building-receipts')
  @AllowRoles(Roles.CommunitySecretary, Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Record co-building support (共建) or a donation (捐赠) from a resident unit' })
  @ApiCreatedResponse({ type: CoBuildingReceiptRecordedResponse })
  receive(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RecordCoBuildingReceiptRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<CoBuildingReceiptRecordedResponse> {
    return this.commands.execute(
      new RecordCoBuildingReceiptCommand(
        communityId,
        body.unitId,
        body.unitName,
        body.kind,
        body.amountFen,
        body.note,
        actor,
        idempotencyKey,
      ),
    );
  }

  @Post('party-building-allocations')
  @AllowRoles(Roles.FinanceOfficer)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Names the request: repeated with the same body it returns the first answer; with another body, 422',
  })
  @ApiProblems(IdempotencyErrors)
  @ApiOperation({
    summary:
      'Pay the community its party-building special fund (党建专项经费) for a year, once; more that year is a top-up (追加) with a reason',
  })
  @ApiCreatedResponse({ type: PartyBuildingFundAllocatedResponse })
  allocatePartyBuilding(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: AllocatePartyBuildingFundRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<PartyBuildingFundAllocatedResponse> {
    return this.commands.execute(
      new AllocatePartyBuildingFundCommand(
        communityId,
        body.year,
        body.amountFen,
        body.kind ?? 'allocation',
        body.reason,
        actor,
        requireIdempotencyKey(idempotencyKey),
      ),
    );
  }
}
