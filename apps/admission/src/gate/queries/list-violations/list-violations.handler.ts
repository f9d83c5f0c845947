import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { ViolationView } from '../../domain/admitted-task.js';
import { ViolationsRepository } from '../../persistence/violations.repository.js';
import { ListViolationsQuery } from './list-violations.query.js';

@QueryHandler(ListViolationsQuery)
export class ListViolationsHandler implements IQueryHandler<ListViolationsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly violations: ViolationsRepository,
  ) {}

  async execute({ actor, filter, page }: ListViolationsQuery): Promise<Page<ViolationView>> {
    // A department user sees its own department's only, whatever it asked for; a community user those against it.
    const departmentId = actor.scope.departmentId ?? filter.departmentId;
    const { items, total } = await this.violations.list(this.transactions.reader, {
      districtCode: actor.scope.districtCode,
      offset: page.offset,
      limit: page.limit,
      ...(departmentId ? { departmentId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(actor.scope.communityIds ? { communityIds: actor.scope.communityIds } : {}),
    });
    return toPage(items, total, page);
  }
}
