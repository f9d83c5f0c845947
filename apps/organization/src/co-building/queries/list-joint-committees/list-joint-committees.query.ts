import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { JointCommitteeView } from '../../persistence/co-building.repository.js';

export class ListJointCommitteesQuery extends Query<{ items: JointCommitteeView[] }> {
  constructor(
    readonly actor: Principal,
    readonly unitCode: string | undefined,
  ) {
    super();
  }
}
