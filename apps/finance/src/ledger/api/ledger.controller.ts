import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  NotFoundError,
  type Principal,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import type { AccountKind } from '../domain/account.js';
import { reachesAnyPlace } from '../domain/account-place.js';
import { AccountPlacesRepository } from '../persistence/account-places.repository.js';
import { LedgerRepository } from '../persistence/ledger.repository.js';

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
  @ApiOkResponse({
    schema: {
      example: {
        id: 'base:2026:9a1b...',
        purpose: 'base-allocation',
        postings: [
          { account: { id: 'treasury:350102', kind: 'district-treasury' }, amountFen: -4500000 },
          { account: { id: 'community:9a1b...:base-operating', kind: 'community-base' }, amountFen: 4500000 },
        ],
      },
    },
  })
  async transfer(@Param('transferId') transferId: string, @CurrentPrincipal() actor: Principal) {
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
  @ApiOperation({ summary: 'An account’s balance and its postings, oldest first' })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  async account(
    @Param('accountId') accountId: string,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
    @CurrentPrincipal() actor: Principal,
  ) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 1000', 400);
    }
    const [account] = await this.ledger.balances(this.transactions.reader, [accountId]);
    if (!account || !(await this.reachesAll(actor, [account]))) throw new NotFoundError('account', accountId);
    const postings = await this.ledger.statement(this.transactions.reader, accountId, { offset, limit });
    return { ...account, postings };
  }
}
