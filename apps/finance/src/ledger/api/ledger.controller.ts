import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiProblems,
  CurrentPrincipal,
  NotFoundError,
  PageQuery,
  type Principal,
  Roles,
  toPage,
  TransactionRunner,
} from '@jianfu/platform';
import type { AccountKind } from '../domain/account.js';
import { reachesAnyPlace } from '../domain/account-place.js';
import { LedgerErrors } from '../domain/ledger.errors.js';
import { AccountPlacesRepository } from '../persistence/account-places.repository.js';
import { LedgerRepository } from '../persistence/ledger.repository.js';
import { AccountStatementResponse, TransferResponse } from './dto/ledger.response.js';

/**
 * Read access to the ledger for finance and district leaders; nothing here writes. An account the
 * caller's scope does not reach answers like a missing one, and so does a transfer touching one.
 */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: LedgerRepository,
    private readonly places: AccountPlacesRepository,
  ) {}

  private async reachesAll(
    actor: Principal,
    accounts: readonly { id: string; kind: AccountKind; ownerId: string }[],
  ): Promise<boolean> {
    const places = await this.places.placesOf(this.transactions.reader, accounts);
    return accounts.every((account) => reachesAnyPlace(actor, places.get(account.id) ?? []));
  }

  @Get('transfers/:transferId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'One transfer and its postings' })
  @ApiProblems(LedgerErrors['transfer.not-found'])
  @ApiOkResponse({ type: TransferResponse })
  async transfer(
    @Param('transferId') transferId: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TransferResponse> {
    const transfer = await this.ledger.findTransfer(this.transactions.reader, transferId);
    if (
      !transfer ||
      !(await this.reachesAll(
        actor,
        transfer.postings.map((posting) => posting.account),
      ))
    ) {
      throw new NotFoundError('transfer', transferId);
    }
    return transfer;
  }

  @Get('accounts/:accountId')
  @AllowRoles(Roles.FinanceOfficer, Roles.DistrictLeader)
  @ApiOperation({ summary: 'An account’s balance and a page of its postings, oldest first' })
  @ApiProblems(LedgerErrors['account.not-found'])
  @ApiOkResponse({ type: AccountStatementResponse })
  async account(
    @Param('accountId') accountId: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() actor: Principal,
  ): Promise<AccountStatementResponse> {
    const reader = this.transactions.reader;
    const [account] = await this.ledger.balances(reader, [accountId]);
    if (!account || !(await this.reachesAll(actor, [account]))) throw new NotFoundError('account', accountId);
    const postings = await this.ledger.statement(reader, accountId, query);
    return { ...account, postings: toPage(postings, await this.ledger.postingCount(reader, accountId), query) };
  }
}
