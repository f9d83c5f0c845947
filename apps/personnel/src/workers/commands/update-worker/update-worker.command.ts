import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { FieldChanges } from '../../domain/worker-changes.js';
import type { EducationLevel } from '../../domain/education.js';

/** Fields HR may correct or update directly; steps on the tracks change only by promotion. */
export interface WorkerCorrection {
  name?: string;
  communityId?: string;
  education?: EducationLevel;
  partyMember?: boolean;
  certificates?: string[];
}

export class UpdateWorkerCommand extends Command<{ version: number; changes: FieldChanges }> {
  constructor(
    readonly workerId: string,
    readonly correction: WorkerCorrection,
    readonly reason: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
