import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { FacilitiesController } from './api/facilities.controller.js';
import { RecordFacilitiesHandler } from './commands/record-facilities/record-facilities.handler.js';
import { FacilitiesRepository } from './persistence/facilities.repository.js';
import { FacilitiesReportHandler } from './queries/facilities-report/facilities-report.handler.js';
import { GetFacilitiesHandler } from './queries/get-facilities/get-facilities.handler.js';

@Module({
  imports: [CommunitiesModule],
  controllers: [FacilitiesController],
  providers: [FacilitiesRepository, RecordFacilitiesHandler, GetFacilitiesHandler, FacilitiesReportHandler],
})
export class FacilitiesModule {}
