import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class OpenCadreReviewCycleCommand extends Command<{ cycleId: string }> {
  constructor(
    readonly year: number,
    readonly streetCode: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
