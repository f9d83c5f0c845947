import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, toPage, TransactionRunner } from '@jianfu/platform';
import { reachesEveryAccount } from '../../domain/account-place.js';
import { AccountPlacesRepository } from '../../persistence/account-places.repository.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';
import { type AccountStatement, GetAccountStatementQuery } from './get-account-statement.query.js';

/** An account out of the caller's scope answers like a missing one. */
@QueryHandler(GetAccountStatementQuery)
export class GetAccountStatementHandler implements IQueryHandler<GetAccountStatementQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: LedgerRepository,
    private readonly places: AccountPlacesRepository,
  ) {}

  async execute({ accountId, page, actor }: GetAccountStatementQuery): Promise<AccountStatement> {
    const reader = this.transactions.reader;
    const [account] = await this.ledger.balances(reader, [accountId]);
    if (!account || !reachesEveryAccount(actor, [account], await this.places.placesOf(reader, [account]))) {
      throw new NotFoundError('account', accountId);
    }
    const postings = await this.ledger.statement(reader, accountId, page);
    return { ...account, postings: toPage(postings, await this.ledger.postingCount(reader, accountId), page) };
  }
}
