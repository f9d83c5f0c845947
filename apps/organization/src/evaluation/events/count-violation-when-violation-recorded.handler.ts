import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ViolationRecorded } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { EvaluationRepository } from '../persistence/evaluation.repository.js';

/** Every violation the admission gate records (违规摊派) counts against the department in 双评议. */
@Injectable()
export class CountViolationWhenViolationRecorded implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly evaluation: EvaluationRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ViolationRecorded, async (event, tx) => {
      const { violationId, departmentId, communityId, taskId, reason, recordedAt } = event.payload;
      await this.evaluation.recordViolation(tx, {
        violationId,
        departmentId,
        communityId,
        taskId: taskId ?? null,
        reason,
        recordedAt,
      });
    });
  }
}
