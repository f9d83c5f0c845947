import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { taskFundsVisibleTo } from '../../domain/task-fund-visibility.js';
import { TaskFundTransfersRepository } from '../../persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from '../../persistence/task-funding-schedules.repository.js';
import { GetTaskFundingQuery, type TaskFundingView } from './get-task-funding.query.js';

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
    if (!taskFundsVisibleTo(query.actor, schedule ?? transfers[0] ?? null)) {
      throw new NotFoundError('task-fund-transfer', query.taskId);
    }
    return { taskId: query.taskId, schedule, transfers };
  }
}
