import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type Principal, type Transaction, TransactionRunner } from '@jianfu/platform';
import type { TaskFundTransfer } from '../../domain/task-fund-transfer.js';
import { taskFundsVisibleTo } from '../../domain/task-fund-visibility.js';
import { TaskFundTransfersRepository } from '../../persistence/task-fund-transfers.repository.js';
import { BudgetReader } from '../../../budgets/queries/get-budget/budget-reader.js';
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
    private readonly budgets: BudgetReader,
  ) {}

  async execute(query: GetTaskFundTransferQuery): Promise<TaskFundTransferView> {
    // One snapshot: the budget's figures are shown as before and after this transfer, so they must be read at the
    // state the transfer is read in (a release or a payment committed between two reads would count twice).
    return this.transactions.snapshot(async (tx) => {
      const transfer = await this.transfers.find(tx, query.taskId, query.period);
      if (!transfer || !taskFundsVisibleTo(query.actor, transfer))
        throw new NotFoundError('task-fund-transfer', query.taskId);
      return { ...transfer, departmentBudget: await this.budgetImpact(tx, transfer, query.actor) };
    });
  }

  /** Null for a caller who may not read the department's budget (e.g. an admission reviewer), or no budget yet. */
  private async budgetImpact(
    tx: Transaction,
    transfer: TaskFundTransfer,
    actor: Principal,
  ): Promise<DepartmentBudgetImpact | null> {
    const budget = await this.budgets
      .read(transfer.departmentId, transfer.budgetYear, actor, tx)
      .catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
    if (!budget) return null;
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
}
