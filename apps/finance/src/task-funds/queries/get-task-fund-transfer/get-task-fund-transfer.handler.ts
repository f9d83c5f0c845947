import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import type { TaskFundTransfer } from '../../domain/task-fund-transfer.js';
import { taskFundsVisibleTo } from '../../domain/task-fund-visibility.js';
import { TaskFundTransfersRepository } from '../../persistence/task-fund-transfers.repository.js';
import { budgetViewFor } from '../../../budgets/queries/get-budget/budget-reader.js';
import type { BudgetView } from '../../../budgets/queries/get-budget/get-budget.query.js';
import {
  type DepartmentBudgetImpact,
  GetTaskFundTransferQuery,
  type TaskFundTransferView,
} from './get-task-fund-transfer.query.js';

/** States in which the transfer's amount is out of the department's available budget (reserved, or paid). */
const holdingStates = new Set(['awaiting-decision', 'returned', 'disbursing', 'disbursed']);

@QueryHandler(GetTaskFundTransferQuery)
export class GetTaskFundTransferHandler implements IQueryHandler<GetTaskFundTransferQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
  ) {}

  async execute(query: GetTaskFundTransferQuery): Promise<TaskFundTransferView> {
    // One statement: the budget's figures are shown as before and after this transfer, so they must be read at the
    // state the transfer is read in (a release or a payment committed between two reads would count twice).
    const found = await this.transfers.findWithBudget(this.transactions.reader, query.taskId, query.period);
    if (!found || !taskFundsVisibleTo(query.actor, found.transfer))
      throw new NotFoundError('task-fund-transfer', query.taskId);
    // Null for a caller who may not read the department's budget (e.g. an admission reviewer), or no budget yet.
    const budget = budgetViewFor(query.actor, found.budget);
    return { ...found.transfer, departmentBudget: budget && budgetImpact(found.transfer, budget) };
  }
}

function budgetImpact(transfer: TaskFundTransfer, budget: BudgetView): DepartmentBudgetImpact {
  const holdsFunds = holdingStates.has(transfer.state);
  const beforeFen = budget.availableFen + (holdsFunds ? transfer.totalFen : 0);
  return {
    year: budget.year,
    approvedFen: budget.approvedFen,
    availableFen: budget.availableFen,
    reservedFen: budget.reservedFen,
    disbursedFen: budget.disbursedFen,
    holdsFunds,
    beforeFen,
    afterFen: beforeFen - transfer.totalFen,
  };
}
