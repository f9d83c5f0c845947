import { Module } from '@nestjs/common';
import { DepartmentDirectoryPersistenceModule } from '../departments/persistence/department-directory-persistence.module.js';
import { LedgerPersistenceModule } from '../ledger/persistence/ledger-persistence.module.js';
import { BudgetListController } from './api/budget-list.controller.js';
import { BudgetsController } from './api/budgets.controller.js';
import { SetBudgetHandler } from './commands/set-budget/set-budget.handler.js';
import { BudgetsRepository } from './persistence/budgets.repository.js';
import { BudgetReader } from './queries/get-budget/budget-reader.js';
import { GetBudgetHandler } from './queries/get-budget/get-budget.handler.js';
import { ListBudgetsHandler } from './queries/list-budgets/list-budgets.handler.js';

@Module({
  imports: [LedgerPersistenceModule, DepartmentDirectoryPersistenceModule],
  controllers: [BudgetsController, BudgetListController],
  providers: [BudgetsRepository, BudgetReader, SetBudgetHandler, GetBudgetHandler, ListBudgetsHandler],
  exports: [BudgetReader],
})
export class BudgetsModule {}
