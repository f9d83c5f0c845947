import { Module } from '@nestjs/common';
import { ReportsController } from './api/reports.controller.js';
import { ReportsRepository } from './reports.repository.js';

@Module({ controllers: [ReportsController], providers: [ReportsRepository] })
export class ReportsModule {}
