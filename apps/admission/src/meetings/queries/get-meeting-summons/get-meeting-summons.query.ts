import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { MeetingSummonsView } from '../../domain/meeting-summons.js';

/** One meeting summons, for those who may see it. */
export class GetMeetingSummonsQuery extends Query<MeetingSummonsView> {
  constructor(
    readonly actor: Principal,
    readonly summonsId: string,
  ) {
    super();
  }
}
