import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { TrainingRecord } from '../../persistence/worker.entity.js';

export class RecordTrainingCommand extends Command<{ trainings: TrainingRecord[] }> {
  constructor(
    readonly workerId: string,
    readonly training: TrainingRecord,
    readonly actor: Principal,
  ) {
    super();
  }
}
