import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TaskDispatched } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { chinaMonthOf } from '../../demands/domain/community-demand.js';
import { BurdenRepository } from '../persistence/burden.repository.js';
import { CommunityDemandsRepository } from '../../demands/persistence/community-demands.repository.js';

/**
 * Every admitted and funded task that reaches a community's list counts in that community's burden, and as an
 * admitted task among its monthly demands.
 */
@Injectable()
export class CountBurdenWhenTaskDispatched implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly burden: BurdenRepository,
    private readonly demands: CommunityDemandsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(TaskDispatched, async (event, tx) => {
      const { taskId, departmentId, communityIds, dispatchedAt } = event.payload;
      await this.burden.recordDispatch(tx, { taskId, departmentId, communityIds, dispatchedAt });
      await this.demands.record(tx, {
        kind: 'task',
        outcome: 'admitted',
        sourceId: taskId,
        communityIds,
        departmentId,
        month: chinaMonthOf(dispatchedAt),
        hours: 0,
        occurredAt: dispatchedAt,
      });
    });
  }
}
