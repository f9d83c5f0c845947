import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BudgetView } from '../../queries/get-budget/get-budget.query.js';

/** Sets a department's approved budget for a year; raising or cutting it moves the difference in the ledger. */
export class SetBudgetCommand extends Command<BudgetView> {
  constructor(
    readonly departmentId: string,
    readonly year: number,
    readonly approvedFen: number,
    readonly reason: string | undefined,
    readonly actor: Principal,
  ) {
    super();
  }
}
