import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { JointCommitteeView } from '../../persistence/co-building.repository.js';

export class CreateJointCommitteeCommand extends Command<{ committeeId: string }> {
  constructor(
    readonly kind: JointCommitteeView['kind'],
    readonly name: string,
    /** A street's code for a 联合党工委, a community's code for a 大党委. */
    readonly unitCode: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
