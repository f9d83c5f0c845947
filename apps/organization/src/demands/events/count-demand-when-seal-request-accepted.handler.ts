import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SealRequestAccepted } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { chinaMonthOf } from '../domain/community-demand.js';
import { CommunityDemandsRepository } from '../persistence/community-demands.repository.js';

/** Each seal use a department asked of a community, on the list of matters it may certify, counts. */
@Injectable()
export class CountDemandWhenSealRequestAccepted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly demands: CommunityDemandsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(SealRequestAccepted, async (event, tx) => {
      const { requestId, departmentId, communityId, requestedAt } = event.payload;
      await this.demands.record(tx, {
        kind: 'seal',
        outcome: 'admitted',
        sourceId: requestId,
        communityIds: [communityId],
        departmentId,
        month: chinaMonthOf(requestedAt),
        hours: 0,
        occurredAt: requestedAt,
      });
    });
  }
}
