import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

/** A department asks a community to hang a plaque. */
export class RequestPlaqueCommand extends Command<{
  requestId: string;
  status: 'already-hung';
  communityId: string;
  departmentId: string;
  wording: string;
  requestedAt: Date;
}> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
    readonly wording: string,
  ) {
    super();
  }
}
