import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { JointCommitteeView } from '../../persistence/co-building.repository.js';

export class GetJointCommitteeQuery extends Query<JointCommitteeView> {
  constructor(
    readonly committeeId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
