import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { TrainingRecord } from '../../domain/worker-record.js';

export class RecordTrainingCommand extends Command<{ trainings: TrainingRecord[] }> {
  constructor(
    readonly workerId: string,
    readonly training: TrainingRecord,
    readonly actor: Principal,
  ) {
    super();
  }
}
