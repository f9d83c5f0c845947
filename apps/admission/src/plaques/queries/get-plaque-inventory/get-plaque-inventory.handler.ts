import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../gate/domain/community-scope.js';
import { plaqueLimit, standardPlaques } from '../../domain/plaque-inventory.js';
import { PlaqueRequestsRepository } from '../../persistence/plaque-requests.repository.js';
import { GetPlaqueInventoryQuery } from './get-plaque-inventory.query.js';

@QueryHandler(GetPlaqueInventoryQuery)
export class GetPlaqueInventoryHandler implements IQueryHandler<GetPlaqueInventoryQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: PlaqueRequestsRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ actor, communityId }: GetPlaqueInventoryQuery) {
    const tx = this.transactions.reader;
    const [community] = await this.directory.findByIds(tx, [communityId]);
    communityInScope(community, communityId, actor);
    return {
      communityId,
      limit: plaqueLimit,
      plaques: standardPlaques.map((wording) => ({ wording, standard: true })),
      refusedRequests: await this.requests.refusedCount(tx, communityId),
    };
  }
}
