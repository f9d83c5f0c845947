import { Module } from '@nestjs/common';
import { CareersPersistenceModule } from '../careers/persistence/careers-persistence.module.js';
import { WorkersPersistenceModule } from '../workers/persistence/workers-persistence.module.js';
import { WorkersModule } from '../workers/workers.module.js';
import { HonoursController } from './api/honours.controller.js';
import { AwardHonourHandler } from './commands/award-honour/award-honour.handler.js';
import { HonoursRepository } from './persistence/honours.repository.js';

@Module({
  imports: [WorkersModule, WorkersPersistenceModule, CareersPersistenceModule],
  controllers: [HonoursController],
  providers: [HonoursRepository, AwardHonourHandler],
})
export class HonoursModule {}
