import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type Page, type Principal, toPage, TransactionRunner } from '@jianfu/platform';
import type { PayoutBatch } from '../../domain/payout-batch.js';
import { PayoutBatchesRepository } from '../../persistence/payout-batches.repository.js';
import { ListPayoutBatchesQuery } from './list-payout-batches.query.js';

@QueryHandler(ListPayoutBatchesQuery)
export class ListPayoutBatchesHandler implements IQueryHandler<ListPayoutBatchesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly batches: PayoutBatchesRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ actor, state, page }: ListPayoutBatchesQuery): Promise<Page<PayoutBatch>> {
    const communityIds = await this.communitiesInScope(actor);
    const { items, total } = await this.batches.list(
      this.transactions.reader,
      {
        districtCode: actor.scope.districtCode,
        ...(state ? { state } : {}),
        ...(communityIds ? { communityIds } : {}),
      },
      page,
    );
    return toPage(items, total, page);
  }

  /** The communities of a narrowed scope (merged ones too: their batches stay theirs); undefined district-wide. */
  private async communitiesInScope(actor: Principal): Promise<string[] | undefined> {
    if (!actor.scope.communityIds && !actor.scope.streetCodes) return undefined;
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.directory.listInScope(
        this.transactions.reader,
        actor.scope,
        { offset, limit: 1000 },
        { includeMerged: true },
      );
      ids.push(...page.items.map((community) => community.communityId));
      if (offset + 1000 >= page.total) return ids;
    }
  }
}
