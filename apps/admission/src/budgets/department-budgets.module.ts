import { Module } from '@nestjs/common';
import { DepartmentBudgetsController } from './api/department-budgets.controller.js';
import { RecordBudgetWhenBudgetSet } from './events/record-budget-when-budget-set.handler.js';
import { DepartmentBudgetsRepository } from './persistence/department-budgets.repository.js';
import { GetDepartmentBudgetHandler } from './queries/get-department-budget/get-department-budget.handler.js';

@Module({ providers: [DepartmentBudgetsRepository], exports: [DepartmentBudgetsRepository] })
export class DepartmentBudgetsPersistenceModule {}

/** Department budgets as finance announces them, for the pre-check (费随事转 checked before review). */
@Module({
  imports: [DepartmentBudgetsPersistenceModule],
  controllers: [DepartmentBudgetsController],
  providers: [GetDepartmentBudgetHandler, RecordBudgetWhenBudgetSet],
})
export class DepartmentBudgetsModule {}
