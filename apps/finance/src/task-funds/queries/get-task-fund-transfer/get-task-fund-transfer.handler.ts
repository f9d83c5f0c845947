import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { hasRole, NotFoundError, type Principal, Roles, TransactionRunner } from '@jianfu/platform';
import {
  type TaskFundTransfer,
  TaskFundTransfersRepository,
} from '../../persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from '../../persistence/task-funding-schedules.repository.js';
import { GetTaskFundingQuery, GetTaskFundTransferQuery, type TaskFundingView } from './get-task-fund-transfer.query.js';

/** District-wide roles see every transfer of their district; a department user only their department's. */
function visibleTo(actor: Principal, owner: { districtCode: string; departmentId: string } | null): boolean {
  return (
    !!owner &&
    owner.districtCode === actor.scope.districtCode &&
    (hasRole(actor, Roles.FinanceOfficer, Roles.DistrictLeader, Roles.AdmissionReviewer) ||
      owner.departmentId === actor.scope.departmentId)
  );
}

@QueryHandler(GetTaskFundTransferQuery)
export class GetTaskFundTransferHandler implements IQueryHandler<GetTaskFundTransferQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
  ) {}

  async execute(query: GetTaskFundTransferQuery): Promise<TaskFundTransfer> {
    const transfer = await this.transfers.find(this.transactions.reader, query.taskId, query.period);
    if (!transfer || !visibleTo(query.actor, transfer)) throw new NotFoundError('task-fund-transfer', query.taskId);
    return transfer;
  }
}

@QueryHandler(GetTaskFundingQuery)
export class GetTaskFundingHandler implements IQueryHandler<GetTaskFundingQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
    private readonly schedules: TaskFundingSchedulesRepository,
  ) {}

  async execute(query: GetTaskFundingQuery): Promise<TaskFundingView> {
    const reader = this.transactions.reader;
    const [schedule, transfers] = await Promise.all([
      this.schedules.find(reader, query.taskId),
      this.transfers.listForTask(reader, query.taskId),
    ]);
    if (!visibleTo(query.actor, schedule ?? transfers[0] ?? null)) {
      throw new NotFoundError('task-fund-transfer', query.taskId);
    }
    return { taskId: query.taskId, schedule, transfers };
  }
}
