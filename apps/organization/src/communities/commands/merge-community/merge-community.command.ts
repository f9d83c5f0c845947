import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class MergeCommunityCommand extends Command<{ code: string; mergedIntoCode: string }> {
  constructor(
    readonly communityCode: string,
    readonly intoCode: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
