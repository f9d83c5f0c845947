import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class JoinAllianceCommand extends Command<{
  communityId: string;
  members: { residentUnitId: string; name: string; joinedOn: string }[];
}> {
  constructor(
    readonly communityId: string,
    readonly residentUnitCode: string,
    readonly joinedOn: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
