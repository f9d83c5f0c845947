import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { type UserView, userView } from '../../domain/user-view.js';
import { UserErrors } from '../../domain/users.errors.js';
import { DepartmentMembershipsRepository } from '../../persistence/department-memberships.repository.js';
import { UsersRepository } from '../../persistence/users.repository.js';
import { GetUserQuery } from './get-user.query.js';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly memberships: DepartmentMembershipsRepository,
  ) {}

  async execute(query: GetUserQuery): Promise<UserView> {
    const tx = this.transactions.reader;
    const user = await this.users.find(tx, query.userId);
    if (!user) throw DomainError.of(UserErrors['user.not-found'], `User ${query.userId} does not exist`);
    return userView(user, await this.users.activeAssignments(tx, user.id), await this.memberships.find(tx, user.id));
  }
}
