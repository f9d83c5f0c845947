import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { TaskFundTransfer } from '../../domain/task-fund-transfer.js';
import type { TaskFundingSchedule } from '../../domain/task-funding-schedule.js';

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
