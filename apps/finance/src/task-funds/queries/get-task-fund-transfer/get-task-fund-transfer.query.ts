import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { TaskFundTransfer } from '../../domain/task-fund-transfer.js';

/**
 * The department's budget for the transfer's year, before and after this transfer (费随事转 from 部门预算): what a
 * finance officer weighs when deciding. `beforeFen` is what stays available without this transfer, `afterFen` with
 * it; while the transfer holds its reservation (or was paid) the budget's own `availableFen` is already `afterFen`.
 */
export interface DepartmentBudgetImpact {
  year: number;
  approvedFen: number;
  availableFen: number;
  reservedFen: number;
  disbursedFen: number;
  /** Whether this transfer's amount is reserved or paid out of the budget now. */
  holdsFunds: boolean;
  beforeFen: number;
  afterFen: number;
}

export type TaskFundTransferView = TaskFundTransfer & { departmentBudget: DepartmentBudgetImpact | null };

export class GetTaskFundTransferQuery extends Query<TaskFundTransferView> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
    /** The instalment, for a task funded per period; absent: the task's latest transfer. */
    readonly period?: string,
  ) {
    super();
  }
}
