import { Module } from '@nestjs/common';
import { WorkersPersistenceModule } from '../workers/persistence/workers-persistence.module.js';
import { WorkersModule } from '../workers/workers.module.js';
import { HonoursController } from './api/honours.controller.js';
import { AwardHonourHandler } from './commands/award-honour/award-honour.handler.js';
import { HonoursRepository } from './persistence/honours.repository.js';

@Module({
  imports: [WorkersModule, WorkersPersistenceModule],
  controllers: [HonoursController],
  providers: [HonoursRepository, AwardHonourHandler],
})
export class HonoursModule {}
