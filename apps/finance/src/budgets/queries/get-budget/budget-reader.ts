import { Injectable } from '@nestjs/common';
import { hasRole, NotFoundError, type Principal, Roles, TransactionRunner } from '@jianfu/platform';
import { Accounts } from '../../../ledger/domain/account.js';
import { LedgerRepository } from '../../../ledger/persistence/ledger.repository.js';
import { BudgetsRepository } from '../../persistence/budgets.repository.js';
import type { BudgetView } from './get-budget.query.js';

/** A budget as its department and finance see it; a department user sees only their own department. */
@Injectable()
export class BudgetReader {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async read(departmentId: string, year: number, actor: Principal): Promise<BudgetView> {
    const reader = this.transactions.reader;
    const budget = await this.budgets.find(reader, departmentId, year);
    const outOfScope =
      !budget ||
      budget.districtCode !== actor.scope.districtCode ||
      (!hasRole(actor, Roles.FinanceOfficer, Roles.DistrictLeader) && actor.scope.departmentId !== departmentId);
    if (outOfScope) throw new NotFoundError('budget', `${departmentId}/${year}`);
    const available = Accounts.departmentAvailable(departmentId, year);
    const reserved = Accounts.departmentReserved(departmentId, year);
    const balances = await this.ledger.balances(reader, [available.id, reserved.id]);
    const availableFen = balances.find((b) => b.id === available.id)?.balanceFen ?? 0;
    const reservedFen = balances.find((b) => b.id === reserved.id)?.balanceFen ?? 0;
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
