import { Command } from '@nestjs/cqrs';
import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';

export class RequestUpgradeCommand extends Command<{ requestId: string; workflowId: string }> {
  constructor(
    readonly communityId: string,
    readonly toKind: PartyOrganisationKind,
    readonly actor: Principal,
  ) {
    super();
  }
}
