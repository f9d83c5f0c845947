import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { TaskAdmitted } from '@jianfu/contracts';
import {
  type TaskFundTransferInput,
  taskFundTransferWorkflowId,
  taskFundTransferWorkflowType,
} from '@jianfu/contracts/workflows';
import { EventConsumer, ServiceIdentity, serviceTaskQueue } from '@jianfu/platform';
import { FinanceConfig } from '../../config.js';
import { TaskFundTransfersRepository } from '../persistence/task-fund-transfers.repository.js';

/**
 * Opens the task's transfer and starts its saga when admission admits a task. The workflow id comes from
 * the task id and may never be reused, so a redelivered event (or a retry after the start succeeded but
 * the inbox transaction failed) starts nothing new.
 */
@Injectable()
export class StartTaskFundTransferWhenTaskAdmitted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly transfers: TaskFundTransfersRepository,
    private readonly temporal: Client,
    private readonly config: FinanceConfig,
    private readonly identity: ServiceIdentity,
  ) {}

  onModuleInit(): void {
    this.consumer.on(TaskAdmitted, async (event, tx) => {
      const task = event.payload;
      // One-off work admitted as needing no money: admission already dispatched it; there is nothing to pay.
      if (task.fundingMode === 'none') return;
      const transfer = await this.transfers.open(tx, {
        taskId: task.taskId,
        transferId: randomUUID(),
        submissionId: task.submissionId,
        title: task.title,
        departmentId: task.departmentId,
        districtCode: task.districtCode,
        // Events from before the budget year was explicit meant the year of the period's start.
        budgetYear: task.budgetYear ?? Number(task.periodStart.slice(0, 4)),
        funding: task.funding,
        totalFen: task.totalFen,
        correlationId: event.correlationId,
        admittedAt: new Date(task.admittedAt),
      });
      const input: TaskFundTransferInput = {
        taskId: transfer.taskId,
        transferId: transfer.transferId,
        title: transfer.title,
        departmentId: transfer.departmentId,
        districtCode: transfer.districtCode,
        budgetYear: transfer.budgetYear,
        funding: transfer.funding,
        totalFen: transfer.totalFen,
        decisionWorkingDays: this.config.TASK_FUND_DECISION_WORKING_DAYS,
        reminderAfterWorkingDays: this.config.TASK_FUND_REMINDER_AFTER_WORKING_DAYS,
        correlationId: transfer.correlationId,
      };
      try {
        await this.temporal.workflow.start(taskFundTransferWorkflowType, {
          workflowId: taskFundTransferWorkflowId(task.taskId),
          taskQueue: serviceTaskQueue(this.config, this.identity.name),
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          args: [input],
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    });
  }
}
