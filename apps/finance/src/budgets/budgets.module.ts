import { Module } from '@nestjs/common';
import { DepartmentDirectoryPersistenceModule } from '../departments/persistence/department-directory-persistence.module.js';
import { LedgerPersistenceModule } from '../ledger/persistence/ledger-persistence.module.js';
import { BudgetsController } from './api/budgets.controller.js';
import { SetBudgetHandler } from './commands/set-budget/set-budget.handler.js';
import { BudgetsRepository } from './persistence/budgets.repository.js';
import { BudgetReader } from './queries/get-budget/budget-reader.js';
import { GetBudgetHandler } from './queries/get-budget/get-budget.handler.js';

@Module({
  imports: [LedgerPersistenceModule, DepartmentDirectoryPersistenceModule],
  controllers: [BudgetsController],
  providers: [BudgetsRepository, BudgetReader, SetBudgetHandler, GetBudgetHandler],
  exports: [BudgetReader],
})
export class BudgetsModule {}
