import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { CommunityTaskView } from '../../domain/admitted-task.js';

/** The community's task list: admitted and funded tasks that reached it. */
export class ListCommunityTasksQuery extends Query<Page<CommunityTaskView>> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
    readonly status: 'dispatched' | 'done' | undefined,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
