import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { AssessmentsRepository } from '../../persistence/assessments.repository.js';
import { type CycleSummary, ListCyclesQuery } from './list-cycles.query.js';

/** Cycles in scope with the bonus each pays (only finalised cycles carry bonuses). */
@QueryHandler(ListCyclesQuery)
export class ListCyclesHandler implements IQueryHandler<ListCyclesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly assessments: AssessmentsRepository,
  ) {}

  async execute(query: ListCyclesQuery): Promise<{ items: CycleSummary[]; totalBonusFen: number }> {
    const items = await this.assessments.listWithTotals(this.transactions.reader, query.actor.scope, {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.period ? { period: query.period } : {}),
    });
    return { items, totalBonusFen: items.reduce((sum, item) => sum + item.totalBonusFen, 0) };
  }
}
