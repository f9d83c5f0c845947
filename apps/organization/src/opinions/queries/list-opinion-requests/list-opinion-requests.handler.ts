import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OpinionsRepository } from '../../persistence/opinions.repository.js';
import { ListOpinionRequestsQuery } from './list-opinion-requests.query.js';

export type OpinionRequestListing = Awaited<ReturnType<OpinionsRepository['listWithTally']>>[number];

/**
 * For the organisation department and district leaders: the district's requests, per department or only the
 * publicity windows open now, disagreements first.
 */
@QueryHandler(ListOpinionRequestsQuery)
export class ListOpinionRequestsHandler implements IQueryHandler<ListOpinionRequestsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly opinions: OpinionsRepository,
  ) {}

  async execute(query: ListOpinionRequestsQuery): Promise<{ items: OpinionRequestListing[] }> {
    const items = await this.opinions.listWithTally(this.transactions.reader, {
      districtCode: query.actor.scope.districtCode,
      ...(query.filter.departmentId ? { departmentId: query.filter.departmentId } : {}),
      openOnly: query.filter.openOnly,
      limit: 200,
    });
    return { items };
  }
}
