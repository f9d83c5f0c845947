import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { CommunityTaskView } from '../../domain/admitted-task.js';
import { communityInScope } from '../../domain/community-scope.js';
import { TasksRepository } from '../../persistence/tasks.repository.js';
import { ListCommunityTasksQuery } from './list-community-tasks.query.js';

@QueryHandler(ListCommunityTasksQuery)
export class ListCommunityTasksHandler implements IQueryHandler<ListCommunityTasksQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tasks: TasksRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ actor, communityId, status, page }: ListCommunityTasksQuery): Promise<Page<CommunityTaskView>> {
    const tx = this.transactions.reader;
    const [community] = await this.directory.findByIds(tx, [communityId]);
    communityInScope(community, communityId, actor);
    const { items, total } = await this.tasks.listForCommunity(tx, communityId, {
      offset: page.offset,
      limit: page.limit,
      ...(status ? { status } : {}),
    });
    return toPage(items, total, page);
  }
}
