import { Module } from '@nestjs/common';
import { WorkingDayCalendarController } from './working-day-calendar.controller.js';
import { WorkingDayCalendarRepository } from './working-day-calendar.repository.js';

/** `GET|PUT /working-day-calendar/…` over the service's own calendar tables (see the kit's README, §3). */
@Module({
  controllers: [WorkingDayCalendarController],
  providers: [WorkingDayCalendarRepository],
  exports: [WorkingDayCalendarRepository],
})
export class WorkingDayCalendarModule {}
