import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { requireIdempotencyKey } from '../../idempotency/domain/idempotency-key.js';
import { AllocatePartyBuildingFundCommand } from '../commands/allocate-party-building-fund/allocate-party-building-fund.command.js';
import { RecordCoBuildingReceiptCommand } from '../commands/record-co-building-receipt/record-co-building-receipt.command.js';
import { RecordSpendingCommand } from '../commands/record-spending/record-spending.command.js';
import { AllocatePartyBuildingFundRequest } from './dto/allocate-party-building-fund.request.js';
import { RecordCoBuildingReceiptRequest } from './dto/record-co-building-receipt.request.js';
import { RecordSpendingRequest } from './dto/record-spending.request.js';

@ApiTags('community funds')
@ApiBearerAuth()
@Controller('communities/:communityId')
export class CommunityFundsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('spending')
  @AllowRoles(Roles.CommunitySecretary, Roles.FinanceOfficer)
  @ApiOperation({ summary: 'Record spending from a community fund; task money only against its own task (专款专用)' })
  @ApiCreatedResponse({
    schema: {
      example: {
        transferId: 'spend:…',
        replayed: false,
        fund: 'task',
        taskId: '5b7d…',
        amountFen: 120000,
        balanceFen: 380000,
      },
    },
  })
  spend(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RecordSpendingRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
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
  @ApiCreatedResponse({ schema: { example: { transferId: 'co-building:…', replayed: false, amountFen: 2000000 } } })
  receive(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: RecordCoBuildingReceiptRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
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
  @ApiOperation({
    summary:
      'Pay the community its party-building special fund (党建专项经费) for a year, once; more that year is a top-up (追加) with a reason',
  })
  @ApiCreatedResponse({
    schema: {
      example: {
        transferId: 'party-building:2026:…',
        replayed: false,
        kind: 'allocation',
        reason: null,
        amountFen: 500000,
        balanceFen: 500000,
      },
    },
  })
  allocatePartyBuilding(
    @Param('communityId', ParseUUIDPipe) communityId: string,
    @Body() body: AllocatePartyBuildingFundRequest,
    @CurrentPrincipal() actor: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
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
