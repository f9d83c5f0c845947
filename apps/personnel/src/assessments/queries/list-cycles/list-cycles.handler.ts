import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { AssessmentsRepository } from '../../persistence/assessments.repository.js';
import { type CycleSummary, ListCyclesQuery } from './list-cycles.query.js';

/** Cycles in scope with the bonus each pays (only finalised cycles carry bonuses). */
@QueryHandler(ListCyclesQuery)
export class ListCyclesHandler implements IQueryHandler<ListCyclesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly assessments: AssessmentsRepository,
  ) {}

  async execute(query: ListCyclesQuery): Promise<Page<CycleSummary>> {
    const { items, total } = await this.assessments.listWithTotals(this.transactions.reader, query.actor.scope, {
      ...query.filter,
      offset: query.offset,
      limit: query.limit,
    });
    return toPage(items, total, query);
  }
}
