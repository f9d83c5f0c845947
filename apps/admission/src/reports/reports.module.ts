import { Module } from '@nestjs/common';
import { WorkingDayCalendarModule } from '@jianfu/approvals';
import { LeaderFiguresController } from './api/leader-figures.controller.js';
import { ReportsController } from './api/reports.controller.js';
import { LeaderFiguresRepository } from './persistence/leader-figures.repository.js';
import { GetBurdenIndexHandler } from './queries/get-burden-index/get-burden-index.handler.js';
import { GetDecisionOutcomesHandler } from './queries/get-decision-outcomes/get-decision-outcomes.handler.js';
import { ReportsRepository } from './reports.repository.js';

@Module({
  imports: [WorkingDayCalendarModule],
  controllers: [ReportsController, LeaderFiguresController],
  providers: [ReportsRepository, LeaderFiguresRepository, GetBurdenIndexHandler, GetDecisionOutcomesHandler],
})
export class ReportsModule {}
