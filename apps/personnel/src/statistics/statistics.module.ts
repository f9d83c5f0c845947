import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { StatisticsController } from './api/statistics.controller.js';
import { StaffingRepository } from './persistence/staffing.repository.js';
import { GetStaffingHandler } from './queries/get-staffing/get-staffing.handler.js';

@Module({
  imports: [CommunitiesModule],
  controllers: [StatisticsController],
  providers: [StaffingRepository, GetStaffingHandler],
})
export class StatisticsModule {}
