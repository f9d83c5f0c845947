import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  assertKeysetOffset,
  decodeCursor,
  type Page,
  toPage,
  TransactionRunner,
  withNextCursor,
} from '@jianfu/platform';
import { type CommunityView, OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { ListCommunitiesQuery } from './list-communities.query.js';

@QueryHandler(ListCommunitiesQuery)
export class ListCommunitiesHandler implements IQueryHandler<ListCommunitiesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: ListCommunitiesQuery): Promise<Page<CommunityView> & { next: string | null }> {
    assertKeysetOffset(query.page);
    const { after, ...page } = query.page;
    const afterCode = after === undefined ? undefined : decodeCursor(after, ['code'] as const).code;
    const { items, total } = await this.units.listCommunitiesPage(
      this.transactions.reader,
      query.actor.scope,
      {
        ...(query.streetCode ? { streetCode: query.streetCode } : {}),
        includeMerged: query.includeMerged,
        ...(afterCode ? { afterCode } : {}),
      },
      page,
    );
    return withNextCursor(toPage(items, total, page), (community) => ({ code: community.code }));
  }
}
