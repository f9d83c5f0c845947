import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { TaskFundTransfersController } from './api/task-fund-transfers.controller.js';
import { DecideTaskFundTransferHandler } from './commands/decide-task-fund-transfer/decide-task-fund-transfer.handler.js';
import { ResubmitTaskFundTransferHandler } from './commands/resubmit-task-fund-transfer/resubmit-task-fund-transfer.handler.js';
import { StartTaskFundTransferWhenTaskAdmitted } from './events/start-task-fund-transfer-when-task-admitted.handler.js';
import { TaskFundsPersistenceModule } from './persistence/task-funds-persistence.module.js';
import { StopTaskFundingWhenTaskCancelled } from './events/stop-task-funding-when-task-cancelled.handler.js';
import { GetTaskFundTransferHandler } from './queries/get-task-fund-transfer/get-task-fund-transfer.handler.js';
import { GetTaskFundingHandler } from './queries/get-task-funding/get-task-funding.handler.js';

@Module({
  imports: [ApprovalActionsModule, TaskFundsPersistenceModule, BudgetsModule],
  controllers: [TaskFundTransfersController],
  providers: [
    StartTaskFundTransferWhenTaskAdmitted,
    StopTaskFundingWhenTaskCancelled,
    DecideTaskFundTransferHandler,
    ResubmitTaskFundTransferHandler,
    GetTaskFundTransferHandler,
    GetTaskFundingHandler,
  ],
})
export class TaskFundsModule {}
