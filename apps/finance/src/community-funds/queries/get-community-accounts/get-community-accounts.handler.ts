import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CommunityAccess } from '../../community-access.js';
import { CommunityAccountsRepository } from '../../persistence/community-accounts.repository.js';
import { type CommunityAccounts, GetCommunityAccountsQuery } from './get-community-accounts.query.js';

@QueryHandler(GetCommunityAccountsQuery)
export class GetCommunityAccountsHandler implements IQueryHandler<GetCommunityAccountsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CommunityAccess,
    private readonly accounts: CommunityAccountsRepository,
  ) {}

  async execute(query: GetCommunityAccountsQuery): Promise<CommunityAccounts> {
    const reader = this.transactions.reader;
    // A merged community's accounts keep their history, so they stay readable.
    const community = await this.access.reachable(reader, query.communityId, query.actor, { includeMerged: true });
    const accounts = await this.accounts.ofCommunity(reader, community.communityId);
    return {
      communityId: community.communityId,
      code: community.code,
      name: community.name,
      accounts,
      totalFen: accounts.reduce((sum, account) => sum + account.balanceFen, 0),
    };
  }
}
