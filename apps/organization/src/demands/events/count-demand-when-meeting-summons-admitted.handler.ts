import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MeetingSummonsAdmitted } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { CommunityDemandsRepository } from '../persistence/community-demands.repository.js';

/** A meeting admission let a department summon communities to counts, with its hours, in the meeting's month. */
@Injectable()
export class CountDemandWhenMeetingSummonsAdmitted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly demands: CommunityDemandsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(MeetingSummonsAdmitted, async (event, tx) => {
      const { summonsId, departmentId, communityIds, date, hours, admittedAt } = event.payload;
      await this.demands.record(tx, {
        kind: 'meeting',
        outcome: 'admitted',
        sourceId: summonsId,
        communityIds,
        departmentId,
        // The meeting's own day (China date) places it, not when it was admitted.
        month: date.slice(0, 7),
        hours,
        occurredAt: admittedAt,
      });
    });
  }
}
