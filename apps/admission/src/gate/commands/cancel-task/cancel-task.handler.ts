import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TaskCancelled } from '@jianfu/contracts';
import { EventPublisher, hasRole, NotFoundError, Roles, TransactionRunner } from '@jianfu/platform';
import { TasksRepository } from '../../persistence/tasks.repository.js';
import { CancelTaskCommand } from './cancel-task.command.js';

/**
 * Cancels an admitted task: it leaves every list at once; finance hears `TaskCancelled` and starts no further
 * instalment. Cancelling again answers the first time.
 */
@CommandHandler(CancelTaskCommand)
export class CancelTaskHandler implements ICommandHandler<CancelTaskCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TasksRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute({ actor, taskId, reason }: CancelTaskCommand) {
    return this.transactions.run(async (tx) => {
      const task = await this.tasks.find(tx, taskId, true);
      const mayCancel =
        task &&
        task.districtCode === actor.scope.districtCode &&
        (actor.scope.departmentId
          ? task.departmentId === actor.scope.departmentId
          : hasRole(actor, Roles.AdmissionReviewer));
      if (!task || !mayCancel) throw new NotFoundError('task', taskId);
      if (task.cancelledAt) {
        return {
          taskId,
          status: 'cancelled' as const,
          cancelledAt: task.cancelledAt,
          // Set with every cancellation; the column is nullable only for tasks never cancelled.
          reason: task.cancelReason ?? '',
          duplicate: true,
        };
      }
      const cancelledAt = (await this.tasks.cancel(tx, taskId, actor.userId, reason))!;
      await this.events.publish(tx, TaskCancelled, {
        aggregateId: taskId,
        payload: {
          taskId,
          departmentId: task.departmentId,
          districtCode: task.districtCode,
          reason,
          cancelledBy: actor.userId,
          cancelledAt: cancelledAt.toISOString(),
        },
      });
      return { taskId, status: 'cancelled' as const, cancelledAt, reason, duplicate: false };
    });
  }
}
