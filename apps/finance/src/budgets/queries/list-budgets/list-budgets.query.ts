import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BudgetView } from '../get-budget/get-budget.query.js';

export type ListedBudget = BudgetView & { departmentCode: string | null; departmentName: string | null };

/** Every department budget of a year in the caller's district, one page at a time, ordered by department code. */
export class ListBudgetsQuery extends Query<{ items: ListedBudget[]; total: number }> {
  constructor(
    readonly year: number,
    readonly page: { offset: number; limit: number },
    readonly actor: Principal,
  ) {
    super();
  }
}
