import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../gate/domain/community-scope.js';
import { LedgerRequestsRepository } from '../../persistence/ledger-requests.repository.js';
import { GetLedgerRegisterQuery } from './get-ledger-register.query.js';

@QueryHandler(GetLedgerRegisterQuery)
export class GetLedgerRegisterHandler implements IQueryHandler<GetLedgerRegisterQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: LedgerRequestsRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ actor, communityId }: GetLedgerRegisterQuery) {
    const tx = this.transactions.reader;
    const [community] = await this.directory.findByIds(tx, [communityId]);
    communityInScope(community, communityId, actor);
    const items = await this.requests.register(tx, communityId);
    return { communityId, count: items.length, items };
  }
}
