import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SubmissionSubmitted } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { EventFactsRepository } from '../persistence/event-facts.repository.js';

/** The submitted event's actor is the submitter; the decision events name only the deciding actor. */
@Injectable()
export class RememberSubmitterWhenSubmissionSubmitted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly facts: EventFactsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(SubmissionSubmitted, async (event, tx) => {
      const { submissionId, actorId, departmentId, districtCode } = event.payload;
      await this.facts.rememberSubmitter(tx, { submissionId, submitterId: actorId, departmentId, districtCode });
    });
  }
}
