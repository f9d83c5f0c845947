import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LedgerRequestAccepted } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { chinaMonthOf } from '../domain/community-demand.js';
import { CommunityDemandsRepository } from '../persistence/community-demands.repository.js';

/** Each ledger a community took on for a department, as its catalogue item allows, counts. */
@Injectable()
export class CountDemandWhenLedgerRequestAccepted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly demands: CommunityDemandsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(LedgerRequestAccepted, async (event, tx) => {
      const { requestId, departmentId, communityId, requestedAt } = event.payload;
      await this.demands.record(tx, {
        kind: 'ledger',
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
