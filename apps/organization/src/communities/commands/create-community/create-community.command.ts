import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class CreateCommunityCommand extends Command<{ communityId: string }> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly streetCode: string,
    readonly partyMemberCount: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
