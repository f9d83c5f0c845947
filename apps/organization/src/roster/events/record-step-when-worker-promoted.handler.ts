import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WorkerPromoted } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { RosterRepository } from '../persistence/roster.repository.js';

/**
 * A promotion puts the worker's new step on the roster (and the worker, if their hire was never announced:
 * workers on record before the platform have no hire event).
 */
@Injectable()
export class RecordStepWhenWorkerPromoted implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly roster: RosterRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(WorkerPromoted, async (event, tx) => {
      const { requestId, workerId, communityId, trackCode, toStep, toStepName, promotedAt, name } = event.payload;
      await this.roster.placeWorker(tx, { workerId, communityId, name: name ?? null, hiredAt: null, asOf: promotedAt });
      await this.roster.recordStep(tx, workerId, {
        trackCode,
        stepCode: toStep,
        stepName: toStepName,
        since: promotedAt,
        requestId,
      });
    });
  }
}
