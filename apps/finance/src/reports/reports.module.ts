import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { CommunityFundsModule } from '../community-funds/community-funds.module.js';
import { TaskFundsPersistenceModule } from '../task-funds/persistence/task-funds-persistence.module.js';
import { ReportsController } from './api/reports.controller.js';
import { ReportsRepository } from './persistence/reports.repository.js';
import { GetCommunitiesReportHandler } from './queries/get-communities-report/get-communities-report.handler.js';
import { GetCommunityReportHandler } from './queries/get-community-report/get-community-report.handler.js';
import { GetDepartmentReportHandler } from './queries/get-department-report/get-department-report.handler.js';
import { GetResidentUnitReportHandler } from './queries/get-resident-unit-report/get-resident-unit-report.handler.js';
import { GetTaskReportHandler } from './queries/get-task-report/get-task-report.handler.js';

@Module({
  imports: [CommunityDirectoryModule, BudgetsModule, CommunityFundsModule, TaskFundsPersistenceModule],
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    GetCommunityReportHandler,
    GetCommunitiesReportHandler,
    GetTaskReportHandler,
    GetDepartmentReportHandler,
    GetResidentUnitReportHandler,
  ],
})
export class ReportsModule {}
