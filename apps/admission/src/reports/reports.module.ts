import { Module } from '@nestjs/common';
import { WorkingDayCalendarModule } from '@jianfu/approvals';
import { LeaderFiguresController } from './api/leader-figures.controller.js';
import { ReportsController } from './api/reports.controller.js';
import { LeaderFiguresRepository } from './persistence/leader-figures.repository.js';
import { GetBurdenIndexHandler } from './queries/get-burden-index/get-burden-index.handler.js';
import { GetDecisionOutcomesHandler } from './queries/get-decision-outcomes/get-decision-outcomes.handler.js';
import { ReportsRepository } from './persistence/reports.repository.js';
import { GetCatalogueAdmissionsHandler } from './queries/get-catalogue-admissions/get-catalogue-admissions.handler.js';
import { GetCommunityBurdenHandler } from './queries/get-community-burden/get-community-burden.handler.js';
import { GetDecisionTimeHandler } from './queries/get-decision-time/get-decision-time.handler.js';
import { GetDepartmentViolationsHandler } from './queries/get-department-violations/get-department-violations.handler.js';
import { GetReformHeadlineHandler } from './queries/get-reform-headline/get-reform-headline.handler.js';

@Module({
  imports: [WorkingDayCalendarModule],
  controllers: [ReportsController, LeaderFiguresController],
  providers: [
    ReportsRepository,
    LeaderFiguresRepository,
    GetBurdenIndexHandler,
    GetDecisionOutcomesHandler,
    GetCatalogueAdmissionsHandler,
    GetCommunityBurdenHandler,
    GetDepartmentViolationsHandler,
    GetDecisionTimeHandler,
    GetReformHeadlineHandler,
  ],
})
export class ReportsModule {}
