import { Query } from '@nestjs/cqrs';
import type { Page } from '@jianfu/platform';
import type { UserView } from '../../domain/user-view.js';

export class ListUsersQuery extends Query<Page<UserView>> {
  constructor(readonly page: { offset: number; limit: number }) {
    super();
  }
}
