import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ViolationRecorded } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { chinaMonthOf, kindOfViolationReason } from '../../demands/domain/community-demand.js';
import { CommunityDemandsRepository } from '../../demands/persistence/community-demands.repository.js';
import { EvaluationRepository } from '../persistence/evaluation.repository.js';

/**
 * Every violation the admission gate records (违规摊派) counts against the department in 双评议, and as a refused
 * demand of its kind among the community's monthly demands.
 */
@Injectable()
export class CountViolationWhenViolationRecorded implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly evaluation: EvaluationRepository,
    private readonly demands: CommunityDemandsRepository,
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
      await this.demands.record(tx, {
        kind: kindOfViolationReason(reason),
        outcome: 'refused',
        sourceId: violationId,
        communityIds: [communityId],
        departmentId,
        month: chinaMonthOf(recordedAt),
        hours: 0,
        occurredAt: recordedAt,
      });
    });
  }
}
