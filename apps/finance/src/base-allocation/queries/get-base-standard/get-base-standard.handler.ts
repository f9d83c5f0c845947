import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PolicyBook, TransactionRunner } from '@jianfu/platform';
import { baseStandardInForce } from '../../base-standard-in-force.js';
import { BaseAllocationsRepository } from '../../persistence/base-allocations.repository.js';
import { GetBaseStandardQuery } from './get-base-standard.query.js';

@QueryHandler(GetBaseStandardQuery)
export class GetBaseStandardHandler implements IQueryHandler<GetBaseStandardQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
    private readonly policies: PolicyBook,
  ) {}

  async execute({ year, actor }: GetBaseStandardQuery) {
    const districtCode = actor.scope.districtCode;
    const standard = await this.transactions.run((tx) =>
      baseStandardInForce(tx, this.allocations, this.policies, districtCode, year),
    );
    return { districtCode, year, ...standard };
  }
}
