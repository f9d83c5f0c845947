import { Injectable } from '@nestjs/common';
import { hasRole, NotFoundError, type Principal, Roles, TransactionRunner } from '@jianfu/platform';
import { type BudgetWithBalances, BudgetsRepository } from '../../persistence/budgets.repository.js';
import type { BudgetView } from './get-budget.query.js';

/**
 * The view of a budget found with its balances, or null where there is none or `actor` may not see it: finance and
 * district leaders see their district's budgets, a department user only their own department's.
 */
export function budgetViewFor(actor: Principal, found: BudgetWithBalances | null): BudgetView | null {
  if (!found) return null;
  const { budget, availableFen, reservedFen } = found;
  const outOfScope =
    budget.districtCode !== actor.scope.districtCode ||
    (!hasRole(actor, Roles.FinanceOfficer, Roles.DistrictLeader) && actor.scope.departmentId !== budget.departmentId);
  if (outOfScope) return null;
  return {
    departmentId: budget.departmentId,
    year: budget.year,
    approvedFen: budget.approvedFen,
    availableFen,
    reservedFen,
    disbursedFen: budget.approvedFen - availableFen - reservedFen,
    revision: budget.revision,
  };
}

/** A budget as its department and finance see it (`budgetViewFor`). */
@Injectable()
export class BudgetReader {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: BudgetsRepository,
  ) {}

  async read(departmentId: string, year: number, actor: Principal): Promise<BudgetView> {
    // One statement: the approved figure and the balances it is set against are read from one snapshot.
    const found = await this.budgets.findWithBalances(this.transactions.reader, departmentId, year);
    const view = budgetViewFor(actor, found);
    if (!view) throw new NotFoundError('budget', `${departmentId}/${year}`);
    return view;
  }
}
