import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { BaseTopUp } from '../../domain/base-allocation-run.js';
import { BaseAllocationsRepository } from '../../persistence/base-allocations.repository.js';
import { ListBaseTopUpsQuery } from './list-base-top-ups.query.js';

@QueryHandler(ListBaseTopUpsQuery)
export class ListBaseTopUpsHandler implements IQueryHandler<ListBaseTopUpsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
  ) {}

  async execute({ year, actor, page }: ListBaseTopUpsQuery): Promise<Page<BaseTopUp>> {
    const { items, total } = await this.allocations.topUps(
      this.transactions.reader,
      actor.scope.districtCode,
      year,
      page,
    );
    return toPage(items, total, page);
  }
}
