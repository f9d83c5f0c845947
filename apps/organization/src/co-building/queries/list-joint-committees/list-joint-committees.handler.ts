import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CoBuildingRepository, type JointCommitteeView } from '../../persistence/co-building.repository.js';
import { ListJointCommitteesQuery } from './list-joint-committees.query.js';

@QueryHandler(ListJointCommitteesQuery)
export class ListJointCommitteesHandler implements IQueryHandler<ListJointCommitteesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(query: ListJointCommitteesQuery): Promise<{ items: JointCommitteeView[] }> {
    return {
      items: await this.coBuilding.listCommittees(
        this.transactions.reader,
        query.actor.scope.districtCode,
        query.unitCode,
      ),
    };
  }
}
