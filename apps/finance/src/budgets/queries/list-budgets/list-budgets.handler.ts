import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { BudgetsRepository } from '../../persistence/budgets.repository.js';
import { type ListedBudget, ListBudgetsQuery } from './list-budgets.query.js';

@QueryHandler(ListBudgetsQuery)
export class ListBudgetsHandler implements IQueryHandler<ListBudgetsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: BudgetsRepository,
  ) {}

  async execute(query: ListBudgetsQuery): Promise<{ items: ListedBudget[]; total: number }> {
    const { items, total } = await this.budgets.listOfYear(
      this.transactions.reader,
      query.actor.scope.districtCode,
      query.year,
      query.page,
    );
    return {
      total,
      items: items.map((budget) => ({
        ...budget,
        // What left the budget and is neither available nor held is what communities were paid.
        disbursedFen: budget.approvedFen - budget.availableFen - budget.reservedFen,
      })),
    };
  }
}
