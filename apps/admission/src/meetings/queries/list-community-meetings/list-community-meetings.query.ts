import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { MeetingSummonsView } from '../../domain/meeting-summons.js';

/** The meetings admitted for a community, newest first. */
export class ListCommunityMeetingsQuery extends Query<Page<MeetingSummonsView>> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
