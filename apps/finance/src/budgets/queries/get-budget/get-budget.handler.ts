import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BudgetReader } from './budget-reader.js';
import { GetBudgetQuery, type BudgetView } from './get-budget.query.js';

@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery> {
  constructor(private readonly reader: BudgetReader) {}

  execute(query: GetBudgetQuery): Promise<BudgetView> {
    return this.reader.read(query.departmentId, query.year, query.actor);
  }
}
