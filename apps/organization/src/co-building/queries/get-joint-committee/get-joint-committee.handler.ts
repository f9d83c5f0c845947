import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import {
  CoBuildingRepository,
  committeeView,
  type JointCommitteeView,
} from '../../persistence/co-building.repository.js';
import { GetJointCommitteeQuery } from './get-joint-committee.query.js';

@QueryHandler(GetJointCommitteeQuery)
export class GetJointCommitteeHandler implements IQueryHandler<GetJointCommitteeQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(query: GetJointCommitteeQuery): Promise<JointCommitteeView> {
    const committee = await this.coBuilding.findCommittee(this.transactions.reader, query.committeeId);
    if (!committee || committee.districtCode !== query.actor.scope.districtCode) {
      throw new NotFoundError('joint-committee', query.committeeId);
    }
    return committeeView(committee);
  }
}
