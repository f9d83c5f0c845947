import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import type { BaseAllocationRun } from '../../domain/base-allocation-run.js';
import { BaseAllocationsRepository } from '../../persistence/base-allocations.repository.js';
import { GetBaseAllocationQuery } from './get-base-allocation.query.js';

@QueryHandler(GetBaseAllocationQuery)
export class GetBaseAllocationHandler implements IQueryHandler<GetBaseAllocationQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
  ) {}

  async execute({ year, actor }: GetBaseAllocationQuery): Promise<BaseAllocationRun> {
    const districtCode = actor.scope.districtCode;
    const run = await this.allocations.findRun(this.transactions.reader, districtCode, year);
    if (!run) throw new NotFoundError('base-allocation', `${districtCode}/${year}`);
    return run;
  }
}
