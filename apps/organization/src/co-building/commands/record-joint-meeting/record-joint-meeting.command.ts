import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { JointMeetingView } from '../../persistence/co-building.repository.js';

export class RecordJointMeetingCommand extends Command<JointMeetingView> {
  constructor(
    readonly communityId: string,
    readonly heldOn: string,
    readonly topic: string,
    readonly attendance: { residentUnitCode: string; present: boolean; representative: string | null }[],
    readonly resolutions: string[],
    readonly actor: Principal,
  ) {
    super();
  }
}
