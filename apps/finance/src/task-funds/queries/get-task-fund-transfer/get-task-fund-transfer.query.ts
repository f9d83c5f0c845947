import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { TaskFundTransfer } from '../../persistence/task-fund-transfers.repository.js';

export class GetTaskFundTransferQuery extends Query<TaskFundTransfer> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
