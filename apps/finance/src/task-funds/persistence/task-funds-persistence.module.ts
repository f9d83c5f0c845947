import { Module } from '@nestjs/common';
import { TaskFundTransfersRepository } from './task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from './task-funding-schedules.repository.js';

/** Shared by the API process (the inbox handler, decisions) and the worker process (the saga's activities). */
@Module({
  providers: [TaskFundTransfersRepository, TaskFundingSchedulesRepository],
  exports: [TaskFundTransfersRepository, TaskFundingSchedulesRepository],
})
export class TaskFundsPersistenceModule {}
