import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { JointCommitteeView } from '../../persistence/co-building.repository.js';

export class ListJointCommitteesQuery extends Query<Page<JointCommitteeView>> {
  constructor(
    readonly actor: Principal,
    readonly unitCode: string | undefined,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
