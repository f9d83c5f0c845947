import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { AccountBalance, StoredPosting } from '../../persistence/ledger.repository.js';

export type AccountStatement = AccountBalance & { postings: Page<StoredPosting> };

/** An account's balance and one page of its postings, oldest first, when the caller's scope reaches it. */
export class GetAccountStatementQuery extends Query<AccountStatement> {
  constructor(
    readonly accountId: string,
    readonly page: { offset: number; limit: number },
    readonly actor: Principal,
  ) {
    super();
  }
}
