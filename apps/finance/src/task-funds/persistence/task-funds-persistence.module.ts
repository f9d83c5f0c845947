import { Module } from '@nestjs/common';
import { TaskFundTransfersRepository } from './task-fund-transfers.repository.js';

/** Shared by the API process (the inbox handler, decisions) and the worker process (the saga's activities). */
@Module({
  providers: [TaskFundTransfersRepository],
  exports: [TaskFundTransfersRepository],
})
export class TaskFundsPersistenceModule {}
