import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { UsersRepository } from '../../persistence/users.repository.js';
import { GetUserNamesQuery, type UserName } from './get-user-names.query.js';

/**
 * Names for the ids that approvals, audit trails and notifications carry, so people see 张三 rather than a uuid. Any
 * signed-in user may ask, but only for colleagues: a user holding an active role in the caller's district. Ids of
 * anyone else (another district, revoked, unknown) are left out rather than refused, so a list with one stale id
 * still names the others.
 */
@QueryHandler(GetUserNamesQuery)
export class GetUserNamesHandler implements IQueryHandler<GetUserNamesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
  ) {}

  async execute(query: GetUserNamesQuery): Promise<{ items: UserName[] }> {
    const ids = [...new Set(query.userIds)];
    if (ids.length === 0) return { items: [] };
    return { items: await this.users.namesInDistrict(this.transactions.reader, ids, query.actor.scope.districtCode) };
  }
}
