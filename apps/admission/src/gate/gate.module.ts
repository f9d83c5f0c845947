import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { GateController } from './api/gate.controller.js';
import { AssignTaskHandler } from './commands/assign-task/assign-task.handler.js';
import { CancelTaskHandler } from './commands/cancel-task/cancel-task.handler.js';
import { MarkTaskDoneHandler } from './commands/mark-task-done/mark-task-done.handler.js';
import { RefuseWorkHandler } from './commands/refuse-work/refuse-work.handler.js';
import { DispatchTaskWhenFundsDisbursed } from './events/dispatch-task-when-funds-disbursed.handler.js';
import { TasksRepository } from './persistence/tasks.repository.js';
import { ViolationsRepository } from './persistence/violations.repository.js';
import { ListCommunityTasksHandler } from './queries/list-community-tasks/list-community-tasks.handler.js';
import { ListViolationsHandler } from './queries/list-violations/list-violations.handler.js';
import { ViolationRecorder } from './violation-recorder.js';

@Module({
  providers: [TasksRepository, ViolationsRepository, ViolationRecorder],
  exports: [TasksRepository, ViolationsRepository, ViolationRecorder],
})
export class GatePersistenceModule {}

@Module({
  imports: [GatePersistenceModule, CommunityDirectoryModule],
  controllers: [GateController],
  providers: [
    AssignTaskHandler,
    MarkTaskDoneHandler,
    CancelTaskHandler,
    RefuseWorkHandler,
    ListCommunityTasksHandler,
    ListViolationsHandler,
    DispatchTaskWhenFundsDisbursed,
  ],
})
export class GateModule {}
