import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { TaskAdmitted } from '@jianfu/contracts';
import {
  currentWorkflowRevision,
  type TaskFundingScheduleInput,
  taskFundingScheduleWorkflowId,
  taskFundingScheduleWorkflowType,
  type TaskFundTransferInput,
  taskFundTransferWorkflowId,
  taskFundTransferWorkflowType,
} from '@jianfu/contracts/workflows';
import { chinaDateOf, EventConsumer, PolicyBook, ServiceIdentity, serviceTaskQueue } from '@jianfu/platform';
import { FinancePolicyKinds, type FundingPolicy } from '../../policies/finance-policies.js';
import { FinanceConfig } from '../../config.js';
import { TaskFundTransfersRepository } from '../persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from '../persistence/task-funding-schedules.repository.js';

/**
 * Opens the task's transfer and starts its saga when admission admits a task; a recurring task funded per
 * period gets a schedule instead, whose workflow starts one transfer per instalment. The workflow id comes from
 * the task id and may never be reused, so a redelivered event (or a retry after the start succeeded but
 * the inbox transaction failed) starts nothing new.
 */
@Injectable()
export class StartTaskFundTransferWhenTaskAdmitted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly transfers: TaskFundTransfersRepository,
    private readonly schedules: TaskFundingSchedulesRepository,
    private readonly temporal: Client,
    private readonly config: FinanceConfig,
    private readonly identity: ServiceIdentity,
    private readonly policies: PolicyBook,
  ) {}

  onModuleInit(): void {
    this.consumer.on(TaskAdmitted, async (event, tx) => {
      const task = event.payload;
      // One-off work admitted as needing no money: admission already dispatched it; there is nothing to pay.
      if (task.fundingMode === 'none') return;
      // Events from before the budget year was explicit meant the year of the period's start.
      const budgetYear = task.budgetYear ?? Number(task.periodStart.slice(0, 4));
      // The deadlines of the district's funding policy in force on the day the task was admitted, so a
      // redelivered event reads the same version; the workflow receives them (and the version) as input.
      const policy = await this.policies.effective<FundingPolicy>(
        tx,
        task.districtCode,
        FinancePolicyKinds.funding,
        chinaDateOf(new Date(task.admittedAt)),
      );
      const deadlines = {
        decisionWorkingDays: policy.document.taskFundDecisionWorkingDays,
        reminderAfterWorkingDays: policy.document.taskFundReminderAfterWorkingDays,
        policyVersion: policy.version,
      };
      if (task.fundingPeriod) {
        const schedule = await this.schedules.open(tx, {
          taskId: task.taskId,
          submissionId: task.submissionId,
          title: task.title,
          departmentId: task.departmentId,
          districtCode: task.districtCode,
          budgetYear,
          fundingPeriod: task.fundingPeriod,
          periodStart: task.periodStart,
          periodEnd: task.periodEnd,
          funding: task.funding,
          totalFen: task.totalFen,
          correlationId: event.correlationId,
          admittedAt: new Date(task.admittedAt),
        });
        const scheduleInput: TaskFundingScheduleInput = {
          taskId: schedule.taskId,
          title: schedule.title,
          departmentId: schedule.departmentId,
          districtCode: schedule.districtCode,
          budgetYear: schedule.budgetYear,
          funding: schedule.funding,
          totalFen: schedule.totalFen,
          periodStart: schedule.periodStart,
          periodEnd: schedule.periodEnd,
          fundingPeriod: schedule.fundingPeriod,
          ...deadlines,
          correlationId: schedule.correlationId,
          workflowRevision: currentWorkflowRevision,
        };
        await this.startOnce(
          taskFundingScheduleWorkflowType,
          taskFundingScheduleWorkflowId(task.taskId),
          scheduleInput,
        );
        return;
      }
      const transfer = await this.transfers.open(tx, {
        taskId: task.taskId,
        transferId: randomUUID(),
        submissionId: task.submissionId,
        title: task.title,
        departmentId: task.departmentId,
        districtCode: task.districtCode,
        budgetYear,
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
        ...deadlines,
        correlationId: transfer.correlationId,
        workflowRevision: currentWorkflowRevision,
      };
      await this.startOnce(taskFundTransferWorkflowType, taskFundTransferWorkflowId(task.taskId), input);
    });
  }

  private async startOnce(workflowType: string, workflowId: string, input: unknown): Promise<void> {
    try {
      await this.temporal.workflow.start(workflowType, {
        workflowId,
        taskQueue: serviceTaskQueue(this.config, this.identity.name),
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
