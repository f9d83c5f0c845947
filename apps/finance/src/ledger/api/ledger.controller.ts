import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, PageQuery, type Principal, Roles } from '@jianfu/platform';
import { LedgerErrors } from '../domain/ledger.errors.js';
import { GetAccountStatementQuery } from '../queries/get-account-statement/get-account-statement.query.js';
import { GetTransferQuery } from '../queries/get-transfer/get-transfer.query.js';
import { AccountStatementResponse, TransferResponse } from './dto/ledger.response.js';

/**
 * Read access to the ledger for finance and district leaders; nothing here writes. An account the
 * caller's scope does not reach answers like a missing one, and so does a transfer touching one.
 */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly queries: QueryBus) {}

  @Get('transfers/:transferId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'One transfer and its postings' })
  @ApiProblems(LedgerErrors['transfer.not-found'])
  @ApiOkResponse({ type: TransferResponse })
  transfer(@Param('transferId') transferId: string, @CurrentPrincipal() actor: Principal): Promise<TransferResponse> {
    return this.queries.execute(new GetTransferQuery(transferId, actor));
  }

  @Get('accounts/:accountId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'An account’s balance and a page of its postings, oldest first' })
  @ApiProblems(LedgerErrors['account.not-found'])
  @ApiOkResponse({ type: AccountStatementResponse })
  account(
    @Param('accountId') accountId: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() actor: Principal,
  ): Promise<AccountStatementResponse> {
    return this.queries.execute(
      new GetAccountStatementQuery(accountId, { offset: query.offset, limit: query.limit }, actor),
    );
  }
}
