import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../domain/community-scope.js';
import { TasksRepository } from '../../persistence/tasks.repository.js';
import { MarkTaskDoneCommand } from './mark-task-done.command.js';

@CommandHandler(MarkTaskDoneCommand)
export class MarkTaskDoneHandler implements ICommandHandler<MarkTaskDoneCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TasksRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ actor, communityId, taskId }: MarkTaskDoneCommand) {
    return this.transactions.run(async (tx) => {
      const [community] = await this.directory.findByIds(tx, [communityId]);
      communityInScope(community, communityId, actor);
      const entry = await this.tasks.communityEntry(tx, taskId, communityId);
      // Only what is on the community's list can be reported done; reporting it again answers the same.
      if (!entry || (entry.status !== 'dispatched' && entry.status !== 'done')) {
        throw new NotFoundError('community-task', taskId);
      }
      if (entry.status === 'dispatched') await this.tasks.markDone(tx, taskId, communityId, actor.userId);
      return { taskId, communityId, status: 'done' as const };
    });
  }
}
