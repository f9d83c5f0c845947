import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { TaskCancelled } from '@jianfu/contracts';
import { cancelTaskFunding, taskFundingScheduleWorkflowId } from '@jianfu/contracts/workflows';
import { EventConsumer } from '@jianfu/platform';
import { TaskFundingSchedulesRepository } from '../persistence/task-funding-schedules.repository.js';

/**
 * A cancelled task stops costing: its funding schedule is marked cancelled (so no instalment opens after this
 * commit, even before the workflow hears of it) and its workflow is signalled to start no further instalment.
 * Instalments already paid stay paid; one already started is decided as usual.
 */
@Injectable()
export class StopTaskFundingWhenTaskCancelled implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly schedules: TaskFundingSchedulesRepository,
    private readonly temporal: Client,
  ) {}

  onModuleInit(): void {
    this.consumer.on(TaskCancelled, async (event, tx) => {
      const { taskId, reason, cancelledAt } = event.payload;
      const schedule = await this.schedules.find(tx, taskId, true);
      if (!schedule) return;
      await this.schedules.cancel(tx, taskId, reason, new Date(cancelledAt));
      try {
        await this.temporal.workflow.getHandle(taskFundingScheduleWorkflowId(taskId)).signal(cancelTaskFunding, {
          reason,
        });
      } catch (error) {
        // A schedule whose workflow has ended has nothing left to stop, nor has a schedule of one instalment,
        // whose transfer started at admission without a schedule workflow (and is decided as usual).
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    });
  }
}
