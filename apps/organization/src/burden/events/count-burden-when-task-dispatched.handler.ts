import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TaskDispatched } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { BurdenRepository } from '../persistence/burden.repository.js';

/** Every admitted and funded task that reaches a community's list counts in that community's burden. */
@Injectable()
export class CountBurdenWhenTaskDispatched implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly burden: BurdenRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(TaskDispatched, async (event, tx) => {
      const { taskId, departmentId, communityIds, dispatchedAt } = event.payload;
      await this.burden.recordDispatch(tx, { taskId, departmentId, communityIds, dispatchedAt });
    });
  }
}
