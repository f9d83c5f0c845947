import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { CoBuildingRepository, type JointCommitteeView } from '../../persistence/co-building.repository.js';
import { ListJointCommitteesQuery } from './list-joint-committees.query.js';

@QueryHandler(ListJointCommitteesQuery)
export class ListJointCommitteesHandler implements IQueryHandler<ListJointCommitteesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(query: ListJointCommitteesQuery): Promise<Page<JointCommitteeView>> {
    const { items, total } = await this.coBuilding.listCommittees(
      this.transactions.reader,
      { districtCode: query.actor.scope.districtCode, ...(query.unitCode ? { unitCode: query.unitCode } : {}) },
      query.page,
    );
    return toPage(items, total, query.page);
  }
}
