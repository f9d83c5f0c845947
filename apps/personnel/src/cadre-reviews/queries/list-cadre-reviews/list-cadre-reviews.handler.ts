import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { type CadreReviewListing, CadreReviewsRepository } from '../../persistence/cadre-reviews.repository.js';
import { ListCadreReviewsQuery } from './list-cadre-reviews.query.js';

@QueryHandler(ListCadreReviewsQuery)
export class ListCadreReviewsHandler implements IQueryHandler<ListCadreReviewsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reviews: CadreReviewsRepository,
  ) {}

  async execute(query: ListCadreReviewsQuery): Promise<Page<CadreReviewListing>> {
    const { items, total } = await this.reviews.listInScope(this.transactions.reader, query.actor.scope, query);
    return toPage(items, total, query);
  }
}
