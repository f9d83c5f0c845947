import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { hasRole, type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { districtReaders } from '../../domain/submission-access.js';
import type { Submission } from '../../domain/submission.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { ListSubmissionsQuery } from './list-submissions.query.js';

@QueryHandler(ListSubmissionsQuery)
export class ListSubmissionsHandler implements IQueryHandler<ListSubmissionsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
  ) {}

  async execute({ actor, status, page }: ListSubmissionsQuery): Promise<Page<Submission>> {
    const districtWide = hasRole(actor, ...districtReaders);
    const { items, total } = await this.submissions.list(this.transactions.reader, {
      districtCode: actor.scope.districtCode,
      offset: page.offset,
      limit: page.limit,
      ...(status ? { status } : {}),
      ...(districtWide
        ? {}
        : actor.scope.departmentId
          ? { departmentId: actor.scope.departmentId }
          : { communityIds: actor.scope.communityIds ?? [] }),
    });
    return toPage(items, total, page);
  }
}
