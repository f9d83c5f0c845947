import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TaskDispatched, TaskFundingFailed, TaskFundsDisbursed } from '@jianfu/contracts';
import { EventConsumer, EventPublisher } from '@jianfu/platform';
import { TasksRepository } from '../persistence/tasks.repository.js';

/**
 * 费随事转: a task reaches its communities only when finance reports its funds disbursed; a failed
 * transfer keeps it off their lists. A task funded per period reaches them with its first instalment; a
 * failed later instalment suspends it off the lists until a later one is paid; a cancelled task stays off.
 * The inbox makes a redelivered event a no-op (so the money paid is counted once).
 */
@Injectable()
export class DispatchTaskWhenFundsDisbursed implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly tasks: TasksRepository,
    private readonly events: EventPublisher,
  ) {}

  onModuleInit(): void {
    this.consumer.on(TaskFundsDisbursed, async (event, tx) => {
      const task = await this.tasks.find(tx, event.payload.taskId, true);
      if (!task) return;
      const at = new Date(event.payload.disbursedAt);
      const communityIds = await this.tasks.recordFunded(tx, task.taskId, event.payload.totalFen, at);
      if (communityIds.length === 0) return;
      await this.events.publish(tx, TaskDispatched, {
        aggregateId: task.taskId,
        correlationId: event.correlationId,
        causationId: event.id,
        payload: {
          taskId: task.taskId,
          departmentId: task.departmentId,
          communityIds,
          dispatchedAt: at.toISOString(),
        },
      });
    });
    this.consumer.on(TaskFundingFailed, async (event, tx) => {
      await this.tasks.markFundingFailed(tx, event.payload.taskId, {
        code: event.payload.code,
        reason: event.payload.reason,
      });
    });
  }
}
