import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { TaskFundTransfer } from '../../persistence/task-fund-transfers.repository.js';
import type { TaskFundingSchedule } from '../../persistence/task-funding-schedules.repository.js';

export class GetTaskFundTransferQuery extends Query<TaskFundTransfer> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
    /** The instalment, for a task funded per period; absent: the task's latest transfer. */
    readonly period?: string,
  ) {
    super();
  }
}

/** A task funded per period: its schedule and every instalment's transfer so far. */
export interface TaskFundingView {
  taskId: string;
  schedule: TaskFundingSchedule | null;
  transfers: TaskFundTransfer[];
}

export class GetTaskFundingQuery extends Query<TaskFundingView> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
