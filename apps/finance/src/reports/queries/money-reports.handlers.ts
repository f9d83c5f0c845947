import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { hasRole, NotFoundError, Roles, TransactionRunner } from '@jianfu/platform';
import { BudgetReader } from '../../budgets/queries/get-budget/budget-reader.js';
import { CommunityAccess } from '../../community-funds/community-access.js';
import { Accounts } from '../../ledger/domain/account.js';
import { TaskFundTransfersRepository } from '../../task-funds/persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from '../../task-funds/persistence/task-funding-schedules.repository.js';
import type { ReportPeriod } from '../domain/report-period.js';
import { ReportsRepository } from '../persistence/reports.repository.js';
import {
  type CommunityReport,
  type DepartmentReport,
  GetCommunitiesReportQuery,
  GetCommunityReportQuery,
  GetDepartmentReportQuery,
  GetTaskReportQuery,
  type PeriodView,
  type SingleCommunityReport,
  type TaskReport,
} from './money-reports.queries.js';

function periodView(period: ReportPeriod): PeriodView {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}

@QueryHandler(GetCommunityReportQuery)
export class GetCommunityReportHandler implements IQueryHandler<GetCommunityReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CommunityAccess,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetCommunityReportQuery): Promise<SingleCommunityReport> {
    const reader = this.transactions.reader;
    const community = await this.access.reachable(reader, query.communityId, query.actor, { includeMerged: true });
    const [money] = await this.reports.communities(reader, [community.communityId], query.period);
    const allocations = await this.reports.allocations(reader, community.communityId, query.period);
    return { ...money, name: community.name, code: community.code, period: periodView(query.period), allocations };
  }
}

@QueryHandler(GetCommunitiesReportQuery)
export class GetCommunitiesReportHandler implements IQueryHandler<GetCommunitiesReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: CommunityDirectoryRepository,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetCommunitiesReportQuery): Promise<{ items: CommunityReport[]; total: number }> {
    const reader = this.transactions.reader;
    const { items, total } = await this.directory.listInScope(reader, query.actor.scope, query.page, {
      includeMerged: true,
    });
    const money = await this.reports.communities(
      reader,
      items.map((c) => c.communityId),
      query.period,
    );
    const period = periodView(query.period);
    return {
      total,
      items: items.map((community, index) => ({ ...money[index], name: community.name, code: community.code, period })),
    };
  }
}

@QueryHandler(GetTaskReportQuery)
export class GetTaskReportHandler implements IQueryHandler<GetTaskReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly transfers: TaskFundTransfersRepository,
    private readonly schedules: TaskFundingSchedulesRepository,
    private readonly reports: ReportsRepository,
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
    return {
      taskId: task.taskId,
      title: task.title,
      departmentId: task.departmentId,
      state: task.state,
      promisedFen: task.totalFen,
      disbursedFen: communities.reduce((sum, c) => sum + c.disbursedFen, 0),
      spentFen: communities.reduce((sum, c) => sum + c.spentFen, 0),
      communities,
    };
  }
}

@QueryHandler(GetDepartmentReportQuery)
export class GetDepartmentReportHandler implements IQueryHandler<GetDepartmentReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: BudgetReader,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetDepartmentReportQuery): Promise<DepartmentReport> {
    const reader = this.transactions.reader;
    const budget = await this.budgets.read(query.departmentId, query.year, query.actor);
    const reserved = Accounts.departmentReserved(query.departmentId, query.year);
    return {
      departmentId: query.departmentId,
      year: query.year,
      period: periodView(query.period),
      approvedFen: budget.approvedFen,
      availableFen: budget.availableFen,
      reservedFen: budget.reservedFen,
      paidFen: await this.reports.departmentPaid(reader, reserved.id),
      paidInPeriodFen: await this.reports.departmentPaid(reader, reserved.id, query.period),
      tasks: await this.reports.departmentTasks(reader, query.departmentId, query.year),
    };
  }
}
