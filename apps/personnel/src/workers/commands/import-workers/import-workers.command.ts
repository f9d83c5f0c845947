import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class ImportWorkersCommand extends Command<{ imported: number; workerIds: string[] }> {
  constructor(
    readonly csv: string,
    readonly reason: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
