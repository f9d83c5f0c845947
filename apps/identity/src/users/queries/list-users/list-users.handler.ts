import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { type UserView, userView } from '../../domain/user-view.js';
import { DepartmentMembershipsRepository } from '../../persistence/department-memberships.repository.js';
import { UsersRepository } from '../../persistence/users.repository.js';
import { ListUsersQuery } from './list-users.query.js';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: DepartmentMembershipsRepository,
  ) {}

  async execute(query: ListUsersQuery): Promise<Page<UserView>> {
    const tx = this.transactions.reader;
    const { items, total } = await this.users.list(tx, query.page);
    const views = await Promise.all(
      items.map(async (user) =>
        userView(user, await this.users.activeAssignments(tx, user.id), await this.memberships.find(tx, user.id)),
      ),
    );
    return toPage(views, total, query.page);
  }
}
