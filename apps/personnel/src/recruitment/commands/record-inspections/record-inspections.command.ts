import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class RecordInspectionsCommand extends Command<{ recorded: number; missing: string[] }> {
  constructor(
    readonly postingId: string,
    readonly results: { applicationId: string; result: 'pass' | 'fail'; note: string }[],
    readonly actor: Principal,
  ) {
    super();
  }
}
