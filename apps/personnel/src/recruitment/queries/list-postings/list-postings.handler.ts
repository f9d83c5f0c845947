import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { RecruitmentRepository } from '../../persistence/recruitment.repository.js';
import { ListPostingsQuery, type PostingSummary } from './list-postings.query.js';

/** The district's recruitments, newest first: the stage each is at, its places and applications counted. */
@QueryHandler(ListPostingsQuery)
export class ListPostingsHandler implements IQueryHandler<ListPostingsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly recruitment: RecruitmentRepository,
  ) {}

  async execute(query: ListPostingsQuery): Promise<Page<PostingSummary>> {
    const { items, total } = await this.recruitment.listPostings(
      this.transactions.reader,
      query.actor.scope.districtCode,
      query,
    );
    return toPage(
      items.map(({ stage, ...posting }) => ({ ...posting, status: stage })),
      total,
      query,
    );
  }
}
