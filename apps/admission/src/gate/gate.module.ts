import { Module } from '@nestjs/common';
import { CommunityDirectoryModule } from '@jianfu/community-directory';
import { GateController } from './api/gate.controller.js';
import { GateService } from './gate.service.js';
import { TasksRepository } from './persistence/tasks.repository.js';
import { ViolationsRepository } from './persistence/violations.repository.js';
import { DispatchTaskWhenFundsDisbursed } from './dispatch-task-when-funds-disbursed.handler.js';
import { ViolationRecorder } from './violation-recorder.js';

@Module({
  providers: [TasksRepository, ViolationsRepository, ViolationRecorder],
  exports: [TasksRepository, ViolationsRepository, ViolationRecorder],
})
export class GatePersistenceModule {}

@Module({
  imports: [GatePersistenceModule, CommunityDirectoryModule],
  controllers: [GateController],
  providers: [GateService, DispatchTaskWhenFundsDisbursed],
})
export class GateModule {}
