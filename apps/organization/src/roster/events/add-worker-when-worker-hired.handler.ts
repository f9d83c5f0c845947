import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WorkerHired } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { RosterRepository } from '../persistence/roster.repository.js';

/** A worker hired by open recruitment joins their community's roster. */
@Injectable()
export class AddWorkerWhenWorkerHired implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly roster: RosterRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(WorkerHired, async (event, tx) => {
      const { workerId, communityId, name, hiredAt } = event.payload;
      await this.roster.placeWorker(tx, { workerId, communityId, name, hiredAt, asOf: hiredAt });
    });
  }
}
