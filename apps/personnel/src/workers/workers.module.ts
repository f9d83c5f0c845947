import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { WorkersController } from './api/workers.controller.js';
import { ImportWorkersHandler } from './commands/import-workers/import-workers.handler.js';
import { RecordTrainingHandler } from './commands/record-training/record-training.handler.js';
import { RegisterWorkerHandler } from './commands/register-worker/register-worker.handler.js';
import { UpdateWorkerHandler } from './commands/update-worker/update-worker.handler.js';
import { WorkersPersistenceModule } from './persistence/workers-persistence.module.js';
import { GetWorkerHandler } from './queries/get-worker/get-worker.handler.js';
import { GetWorkerHistoryHandler } from './queries/get-worker-history/get-worker-history.handler.js';
import { ListWorkersHandler } from './queries/list-workers/list-workers.handler.js';
import { WorkerAccess } from './worker-access.js';

@Module({
  imports: [CommunitiesModule, WorkersPersistenceModule],
  controllers: [WorkersController],
  providers: [
    WorkerAccess,
    RegisterWorkerHandler,
    UpdateWorkerHandler,
    RecordTrainingHandler,
    ImportWorkersHandler,
    GetWorkerHandler,
    GetWorkerHistoryHandler,
    ListWorkersHandler,
  ],
  exports: [WorkerAccess],
})
export class WorkersModule {}
