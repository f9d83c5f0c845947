import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
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
import { chinaDateOf, EventConsumer, PolicyBook, WorkflowStarts } from '@jianfu/platform';
import { FinancePolicyKinds, type FundingPolicy } from '../../policies/finance-policies.js';
import { fundingInstalments, instalmentFunding } from '../domain/funding-instalments.js';
import { instalmentTransferInput, instalmentTransferRow } from '../domain/instalment-transfer.js';
import { TaskFundTransfersRepository } from '../persistence/task-fund-transfers.repository.js';
import { TaskFundingSchedulesRepository } from '../persistence/task-funding-schedules.repository.js';

/**
 * Opens the task's transfer and starts its saga when admission admits a task; a recurring task funded per
 * period gets a schedule instead, whose workflow starts one transfer per instalment (a schedule of one
 * instalment needs no workflow of its own: its transfer starts here). The start is requested in
 * the consumer's transaction and made once it commits (`WorkflowStarts`): the workflow never runs before its
 * transfer or schedule row is there to read, and a handler that dies after the commit leaves the start to the
 * relay. Before, the handler started the workflow inside its transaction: a handler killed before its commit
 * left a workflow that found no schedule and took the task for cancelled, and the task's money was never
 * reserved. The workflow id comes from the task id and may never be reused, so a redelivered event starts
 * nothing new.
 */
@Injectable()
export class StartTaskFundTransferWhenTaskAdmitted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly transfers: TaskFundTransfersRepository,
    private readonly schedules: TaskFundingSchedulesRepository,
    private readonly workflows: WorkflowStarts,
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
        const instalments = fundingInstalments(schedule.periodStart, schedule.periodEnd, schedule.fundingPeriod);
        const funding = instalments.length === 1 ? instalmentFunding(schedule.funding, 0, 1) : [];
        if (funding.length > 0) {
          // A period of one instalment (a yearly task within its year, the common case): the schedule's workflow
          // would only open it and wait on its transfer as a child, one workflow more for the task's money to go
          // through. Its transfer starts here instead and completes the schedule when it ends. A schedule
          // already ended (completed, or cancelled since) starts nothing.
          if (schedule.state !== 'running') return;
          const [only] = instalments;
          const transfer = await this.transfers.open(tx, instalmentTransferRow(scheduleInput, schedule, only, funding));
          await this.workflows.requestStartAfterCommit(tx, {
            workflowType: taskFundTransferWorkflowType,
            workflowId: taskFundTransferWorkflowId(task.taskId, only.period),
            args: [{ ...instalmentTransferInput(scheduleInput, only, transfer), completesSchedule: true }],
          });
          return;
        }
        await this.workflows.requestStartAfterCommit(tx, {
          workflowType: taskFundingScheduleWorkflowType,
          workflowId: taskFundingScheduleWorkflowId(task.taskId),
          args: [scheduleInput],
        });
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
      await this.workflows.requestStartAfterCommit(tx, {
        workflowType: taskFundTransferWorkflowType,
        workflowId: taskFundTransferWorkflowId(task.taskId),
        args: [input],
      });
    });
  }
}
