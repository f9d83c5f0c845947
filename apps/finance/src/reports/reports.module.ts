import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { CommunityFundsModule } from '../community-funds/community-funds.module.js';
import { TaskFundsPersistenceModule } from '../task-funds/persistence/task-funds-persistence.module.js';
import { ReportsController } from './api/reports.controller.js';
import { ReportsRepository } from './persistence/reports.repository.js';
import {
  GetCommunitiesReportHandler,
  GetCommunityReportHandler,
  GetDepartmentReportHandler,
  GetTaskReportHandler,
} from './queries/money-reports.handlers.js';

@Module({
  imports: [CommunityDirectoryModule, BudgetsModule, CommunityFundsModule, TaskFundsPersistenceModule],
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    GetCommunityReportHandler,
    GetCommunitiesReportHandler,
    GetTaskReportHandler,
    GetDepartmentReportHandler,
  ],
})
export class ReportsModule {}
