import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { hasRole, NotFoundError, Roles, TransactionRunner } from '@jianfu/platform';
import {
  type TaskFundTransfer,
  TaskFundTransfersRepository,
} from '../../persistence/task-fund-transfers.repository.js';
import { GetTaskFundTransferQuery } from './get-task-fund-transfer.query.js';

/** District-wide roles see every transfer of their district; a department user only their department's. */
@QueryHandler(GetTaskFundTransferQuery)
export class GetTaskFundTransferHandler implements IQueryHandler<GetTaskFundTransferQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
  ) {}

  async execute(query: GetTaskFundTransferQuery): Promise<TaskFundTransfer> {
    const transfer = await this.transfers.find(this.transactions.reader, query.taskId);
    const visible =
      transfer &&
      transfer.districtCode === query.actor.scope.districtCode &&
      (hasRole(query.actor, Roles.FinanceOfficer, Roles.DistrictLeader, Roles.AdmissionReviewer) ||
        transfer.departmentId === query.actor.scope.departmentId);
    if (!visible) throw new NotFoundError('task-fund-transfer', query.taskId);
    return transfer;
  }
}
