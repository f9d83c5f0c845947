import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { type CadreReviewRow, CadreReviewsRepository } from '../../persistence/cadre-reviews.repository.js';
import { ListCadreReviewsQuery } from './list-cadre-reviews.query.js';

@QueryHandler(ListCadreReviewsQuery)
export class ListCadreReviewsHandler implements IQueryHandler<ListCadreReviewsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reviews: CadreReviewsRepository,
  ) {}

  async execute(query: ListCadreReviewsQuery): Promise<{ year: number; items: (CadreReviewRow & { name: string })[] }> {
    return {
      year: query.year,
      items: await this.reviews.listInScope(this.transactions.reader, query.actor.scope, query.year),
    };
  }
}
