import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { JointCommitteeView } from '../../persistence/co-building.repository.js';

export class AddCommitteeMemberCommand extends Command<JointCommitteeView> {
  constructor(
    readonly committeeId: string,
    readonly residentUnitCode: string,
    readonly position: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
