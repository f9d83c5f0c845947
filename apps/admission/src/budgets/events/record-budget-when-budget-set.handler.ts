import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BudgetSet } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { DepartmentBudgetsRepository } from '../persistence/department-budgets.repository.js';

/**
 * Keeps the department budgets finance sets, so the pre-check tells a department before review that the
 * budget year it names has no budget or too little left, instead of finance failing the transfer later.
 */
@Injectable()
export class RecordBudgetWhenBudgetSet implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly budgets: DepartmentBudgetsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(BudgetSet, async (event, tx) => {
      await this.budgets.record(tx, event.payload);
    });
  }
}
