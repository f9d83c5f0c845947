import { Injectable } from '@nestjs/common';
import { hasRole, NotFoundError, type Principal, Roles, type Transaction, TransactionRunner } from '@jianfu/platform';
import { Accounts } from '../../../ledger/domain/account.js';
import { BudgetsRepository } from '../../persistence/budgets.repository.js';
import type { BudgetView } from './get-budget.query.js';

/** A budget as its department and finance see it; a department user sees only their own department. */
@Injectable()
export class BudgetReader {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: BudgetsRepository,
  ) {}

  /** `within`: a snapshot the caller reads other things from too (`TransactionRunner.snapshot`). */
  async read(departmentId: string, year: number, actor: Principal, within?: Transaction): Promise<BudgetView> {
    const available = Accounts.departmentAvailable(departmentId, year);
    const reserved = Accounts.departmentReserved(departmentId, year);
    // One statement: the approved figure and the balances it is set against are read from one snapshot.
    const found = await this.budgets.findWithBalances(within ?? this.transactions.reader, departmentId, year, [
      available.id,
      reserved.id,
    ]);
    const outOfScope =
      !found ||
      found.budget.districtCode !== actor.scope.districtCode ||
      (!hasRole(actor, Roles.FinanceOfficer, Roles.DistrictLeader) && actor.scope.departmentId !== departmentId);
    if (outOfScope) throw new NotFoundError('budget', `${departmentId}/${year}`);
    const { budget } = found;
    const availableFen = found.balances.get(available.id) ?? 0;
    const reservedFen = found.balances.get(reserved.id) ?? 0;
    return {
      departmentId,
      year,
      approvedFen: budget.approvedFen,
      availableFen,
      reservedFen,
      disbursedFen: budget.approvedFen - availableFen - reservedFen,
      revision: budget.revision,
    };
  }
}
