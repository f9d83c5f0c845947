import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { hasRole, NotFoundError, Roles, TransactionRunner } from '@jianfu/platform';
import { TaskFundTransfersRepository } from '../../../task-funds/persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from '../../../task-funds/persistence/task-funding-schedules.repository.js';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetTaskReportQuery, type TaskReport } from './get-task-report.query.js';

@QueryHandler(GetTaskReportQuery)
export class GetTaskReportHandler implements IQueryHandler<GetTaskReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
    private readonly schedules: TaskFundingSchedulesRepository,
    private readonly reports: ReportsRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute(query: GetTaskReportQuery): Promise<TaskReport> {
    const reader = this.transactions.reader;
    // A task funded per period promised its schedule's whole-period amounts; its transfers are instalments.
    const task = (await this.schedules.find(reader, query.taskId)) ?? (await this.transfers.find(reader, query.taskId));
    const visible =
      task &&
      task.districtCode === query.actor.scope.districtCode &&
      (hasRole(query.actor, Roles.FinanceOfficer, Roles.DistrictLeader, Roles.AdmissionReviewer) ||
        task.departmentId === query.actor.scope.departmentId);
    if (!visible) throw new NotFoundError('task', query.taskId);
    const money = new Map((await this.reports.taskMoney(reader, task.taskId)).map((m) => [m.communityId, m]));
    const communities = task.funding.map((line) => ({
      communityId: line.communityId,
      promisedFen: line.amountFen,
      disbursedFen: money.get(line.communityId)?.disbursedFen ?? 0,
      spentFen: money.get(line.communityId)?.spentFen ?? 0,
      balanceFen: money.get(line.communityId)?.balanceFen ?? 0,
    }));
    const named = await this.directory.findByIds(
      reader,
      communities.map((c) => c.communityId),
      { includeMerged: true },
    );
    return {
      taskId: task.taskId,
      title: task.title,
      departmentId: task.departmentId,
      state: task.state,
      promisedFen: task.totalFen,
      disbursedFen: communities.reduce((sum, c) => sum + c.disbursedFen, 0),
      spentFen: communities.reduce((sum, c) => sum + c.spentFen, 0),
      communities,
      communityNames: new Map(named.map((c) => [c.communityId, { code: c.code, name: c.name }])),
    };
  }
}
