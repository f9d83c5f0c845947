import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OpinionRequestClosed } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { OpinionOutcomesRepository } from '../persistence/opinion-outcomes.repository.js';

/**
 * A closed opinion request (征求意见 / 进社区双公示) is what a promotion to a leadership post waits for; personnel
 * keeps each one as organization announced it, so the pre-check reads its own schema only.
 */
@Injectable()
export class RecordOutcomeWhenOpinionRequestClosed implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly outcomes: OpinionOutcomesRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(OpinionRequestClosed, async (event, tx) => {
      await this.outcomes.record(tx, event.payload);
    });
  }
}
