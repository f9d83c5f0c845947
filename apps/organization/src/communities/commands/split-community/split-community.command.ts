import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface SplitPart {
  code: string;
  name: string;
  gridCodes: string[];
  partyMemberCount: number;
}

export class SplitCommunityCommand extends Command<{ communities: { code: string; communityId: string }[] }> {
  constructor(
    readonly communityCode: string,
    readonly parts: SplitPart[],
    readonly actor: Principal,
  ) {
    super();
  }
}
